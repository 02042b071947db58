// What every step page of a sign-up gets from signup-pages.tsx. Its own module, so the step
// pages (which signup-pages.tsx loads lazily) do not import their parent back (issue 17, item 5).
import type { TSignupView } from '../../../common/api/api-types.js';

export interface SignupStepProps {
  readonly signup: TSignupView;
  readonly onSignupChange: (signup: TSignupView) => void;
  readonly reload: () => void;
}
