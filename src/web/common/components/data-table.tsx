// A table as the tab shows them (answers per option, availability per trainer, a trainer's open
// holds): on the card background, scrolling sideways on a narrow Teams pane instead of squeezing,
// named by a caption or by a heading elsewhere on the page.
import { Table, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  wrap: {
    overflowX: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
  },
  // Columns as wide as their content needs (Fluent's default is fixed, equal columns, which clips
  // a cell's text at 375 px): the wrapper scrolls sideways instead.
  table: { tableLayout: 'auto' },
  caption: {
    textAlign: 'start',
    padding: tokens.spacingHorizontalS,
    fontWeight: tokens.fontWeightSemibold,
  },
});

export function DataTable(
  props: { readonly children: ReactNode } & (
    { readonly caption: string } | { readonly labelledBy: string }
  ),
) {
  const styles = useStyles();
  return (
    <div className={styles.wrap}>
      <Table
        size="small"
        className={styles.table}
        {...('labelledBy' in props ? { 'aria-labelledby': props.labelledBy } : {})}
      >
        {'caption' in props && <caption className={styles.caption}>{props.caption}</caption>}
        {props.children}
      </Table>
    </div>
  );
}
