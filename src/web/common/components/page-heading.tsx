// The page's own heading (h2 under the app's h1). After a page change focus moves here, so a
// screen reader announces where the user is and keyboard users start at the top of the page.
import { makeStyles, typographyStyles } from '@fluentui/react-components';
import { useEffect, useRef, type ReactNode } from 'react';

const useStyles = makeStyles({
  heading: { ...typographyStyles.title2, margin: 0, ':focus': { outlineStyle: 'none' } },
});

export function PageHeading(props: { children: ReactNode; title: string }) {
  const styles = useStyles();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${props.title} – Workshopplanner`;
    ref.current?.focus({ preventScroll: true });
  }, [props.title]);
  return (
    <h2 ref={ref} tabIndex={-1} className={styles.heading}>
      {props.children}
    </h2>
  );
}
