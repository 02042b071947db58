// Every web suite: jest-dom's matchers, and time for role queries on a busy machine. Fluent's DOM
// is deep and `*ByRole` computes accessible names, so with the other projects running on two
// cores a dialog can take more than Testing Library's default second to be found (CI saw it);
// waiting longer changes nothing when the element is there, and a missing one still fails.
import '@testing-library/jest-dom/jest-globals';
import { jest } from '@jest/globals';
import { configure } from '@testing-library/react';

configure({ asyncUtilTimeout: 5_000 });
jest.setTimeout(20_000);
