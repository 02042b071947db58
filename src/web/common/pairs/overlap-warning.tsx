// "Toch plaatsen": placing the options answered 409 because a chosen trainer already gives a
// workshop, or has another sign-up's option, at one of the preferences (HOLD_OVERLAPS_WORKSHOP,
// HOLD_OVERLAPS_HOLD). Nothing was placed. The account holder reads the API's messages and either
// places the options anyway (the request again with acknowledgeOverlaps) or chooses another pair.
// Used by the tab's availability page and the add-in's mail flow.
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { OVERLAP_CODES } from '../../../contract/lists.js';
import { ApiProblem } from '../api/api-errors.js';
import type { TFieldMessage } from '../api/api-types.js';

const OVERLAPS: readonly string[] = OVERLAP_CODES;

/** The overlap messages of a failed propose, or undefined when it failed for another reason. */
export function overlapsOf(error: unknown): readonly TFieldMessage[] | undefined {
  if (!(error instanceof ApiProblem) || error.status !== 409) return undefined;
  const overlaps = error.fieldErrors.filter((field) => OVERLAPS.includes(field.code));
  return overlaps.length > 0 ? overlaps : undefined;
}

export interface OverlapWarningProps {
  readonly overlaps: readonly TFieldMessage[];
  readonly onPlaceAnyway: () => void;
  readonly onChooseAnother: () => void;
  readonly disabled?: boolean;
}

export function OverlapWarning({
  overlaps,
  onPlaceAnyway,
  onChooseAnother,
  disabled = false,
}: OverlapWarningProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // The question appears where the button was: move the focus to it, so a keyboard or screen
  // reader user hears it and tabs straight to "Toch plaatsen".
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} role="group" aria-labelledby="overlap-title">
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle id="overlap-title">{t('overlap.title')}</MessageBarTitle>
          <ul>
            {overlaps.map((overlap) => (
              <li key={`${overlap.field}-${overlap.code}`}>{overlap.message}</li>
            ))}
          </ul>
          {t('overlap.question')}
        </MessageBarBody>
        <MessageBarActions>
          <Button appearance="primary" disabled={disabled} onClick={onPlaceAnyway}>
            {t('overlap.placeAnyway')}
          </Button>
          <Button disabled={disabled} onClick={onChooseAnother}>
            {t('overlap.chooseAnother')}
          </Button>
        </MessageBarActions>
      </MessageBar>
    </div>
  );
}
