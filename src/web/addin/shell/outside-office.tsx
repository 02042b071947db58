// The page opened in a plain browser (or office.js did not load): say where it belongs and
// point to the part of Workshopplanner that works in a browser.
import {
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
} from '@fluentui/react-components';
import { useAddinT } from '../i18n/addin-i18n.js';
import { tabUrl } from './addin-urls.js';

export function OutsideOffice() {
  const at = useAddinT();
  return (
    <>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{at('outside.title')}</MessageBarTitle>
          {at('outside.text')}
        </MessageBarBody>
      </MessageBar>
      <Text as="p">
        {at('outside.toTab')} <Link href={tabUrl()}>{at('outside.openTab')}</Link>
      </Text>
    </>
  );
}
