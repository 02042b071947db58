import { ZSignupIdParams, ZSignupView } from '../../views/signup-view.schema.js';

export const ZGetSignupParams = ZSignupIdParams;
export const ZGetSignupResponse = ZSignupView;
