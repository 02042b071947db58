// The default timeout for every test and hook: each file starts a sandbox (or Chromium) in its
// hooks, which on a busy 2-core machine takes many times longer than on an idle one (jest's
// default of 5 s failed hooks that were only slow). A file may set a longer one.
import { jest } from '@jest/globals';

jest.setTimeout(120_000);
