// The e2e project's default timeout for every test and hook: each file starts the whole stack and Chromium. On a busy
// 2-core machine (CI, or two test runs at once) that takes many times longer than on an idle
// one, and jest's default of 5 s failed hooks that were only slow (issue: "the suite must pass
// on a busy machine"). A file may set a longer one for work that needs it.
import { jest } from '@jest/globals';

jest.setTimeout(300_000);
