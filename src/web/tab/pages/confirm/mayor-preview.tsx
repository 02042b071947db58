// The invitation as the mayor's office will read it (always Dutch: it leaves the product).
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { MayorInvitation } from './mayor-invitation.js';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  fields: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  heading: { margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  detail: { margin: 0 },
  body: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  paragraph: { margin: 0, whiteSpace: 'pre-line' },
});

export function MayorPreview({ invitation }: { invitation: MayorInvitation }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <article className={styles.card} aria-labelledby="preview-heading">
      <Text as="h4" id="preview-heading" weight="semibold" size={400} className={styles.heading}>
        {t('confirm.previewTitle')}
      </Text>
      <dl className={styles.fields}>
        <dt className={styles.term}>{t('confirm.preview.to')}</dt>
        <dd className={styles.detail}>
          {invitation.to.name} &lt;{invitation.to.email}&gt;
        </dd>
        <dt className={styles.term}>{t('confirm.preview.subject')}</dt>
        <dd className={styles.detail} lang="nl">
          {invitation.subject}
        </dd>
        <dt className={styles.term}>{t('confirm.preview.when')}</dt>
        <dd className={styles.detail} lang="nl">
          {invitation.when}
        </dd>
        <dt className={styles.term}>{t('confirm.preview.where')}</dt>
        <dd className={styles.detail} lang="nl">
          {invitation.location}
        </dd>
        <dt className={styles.term}>{t('confirm.preview.attendees')}</dt>
        <dd className={styles.detail}>{invitation.attendees.join(', ')}</dd>
      </dl>
      <div className={styles.body} lang="nl">
        {invitation.paragraphs.map((paragraph) => (
          <p key={paragraph} className={styles.paragraph}>
            {paragraph}
          </p>
        ))}
      </div>
    </article>
  );
}
