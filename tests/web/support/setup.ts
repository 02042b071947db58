// Every web suite: jest-dom's matchers, and time for role queries on a busy machine. Fluent's DOM
// is deep and `*ByRole` computes accessible names, which is slow with the other projects running
// on two cores; waiting longer than Testing Library's default second changes nothing when the
// element is there, and a missing one still fails.
import '@testing-library/jest-dom/jest-globals';
import { afterEach, jest } from '@jest/globals';
import { configure } from '@testing-library/react';

configure({ asyncUtilTimeout: 5_000 });
// A page test renders, types and waits through several role queries: 20 s ran out once on a
// machine running three other workloads beside the suite (teams-mobile-host). A test that hangs
// still fails, just later.
jest.setTimeout(60_000);

// Forms keep what was typed in sessionStorage (useSessionDraft): every test starts with none.
afterEach(() => sessionStorage.clear());

// Fluent's modal dialogs in jsdom: tabster's modalizer, which hides everything outside an open
// dialog with aria-hidden, now and then hides the dialog itself when timers run late (CI saw it
// with the confirm dialog: open, and aria-hidden for good; microsoft/fluentui#33897). Browsers do
// not show it, and the e2e suites check the real dialogs with axe in Chromium. Here an open modal
// dialog is never hidden, so role queries see what a user sees; the rest of tabster is untouched.
function unhideModalDialog(node: Node): void {
  if (
    node instanceof Element &&
    node.getAttribute('role') === 'dialog' &&
    node.getAttribute('aria-modal') === 'true' &&
    node.getAttribute('aria-hidden') === 'true'
  ) {
    node.removeAttribute('aria-hidden');
  }
}

new MutationObserver((records) => {
  for (const record of records) {
    unhideModalDialog(record.target);
    record.addedNodes.forEach((node) => {
      unhideModalDialog(node);
      if (node instanceof Element)
        node.querySelectorAll('[role="dialog"]').forEach(unhideModalDialog);
    });
  }
}).observe(document.body, {
  subtree: true,
  childList: true,
  attributes: true,
  attributeFilter: ['aria-hidden'],
});
