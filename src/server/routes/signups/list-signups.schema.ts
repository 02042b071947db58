import { z } from 'zod';
import { RIECS } from '../../../domain/municipalities.js';
import { SIGNUP_STATUSES } from '../../../domain/signup.js';
import { ZSignupView } from '../../views/signup-view.schema.js';

/** `status=a&status=b` or `status=a,b` (or both): one list of statuses. */
const ZStatusList = z
  .union([z.string(), z.array(z.string())])
  .transform((value) =>
    [value]
      .flat()
      .flatMap((part) => part.split(','))
      .map((part) => part.trim())
      .filter((part) => part !== ''),
  )
  .pipe(z.array(z.enum(SIGNUP_STATUSES)).max(SIGNUP_STATUSES.length * 4));

export const ZListSignupsQuery = z.object({
  riec: z.enum(RIECS).optional().describe('Alleen dit RIEC (binnen uw rechten)'),
  status: ZStatusList.optional().describe(
    'Alleen deze standen: herhaal de parameter of geef een lijst met komma’s',
  ),
});

export const ZListSignupsResponse = z.object({
  signups: z.array(ZSignupView).describe('Op naam van de gemeente'),
});

export type TListSignupsResponse = z.infer<typeof ZListSignupsResponse>;
