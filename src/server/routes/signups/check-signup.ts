// The dry run of registering, editing or giving new dates: the same validation, nothing written,
// so the form shows its warnings (weekend, Kerstmis, oudejaarsavond) before the user saves.
import { checkSignup } from '../../../app/edit-signup.js';
import { toSignupId } from '../../../domain/ids.js';
import { unwrapOutcome } from '../../errors/use-case-failure.js';
import { checkSignup as checkSignupOperation } from '../../../contract/index.js';
import { implement } from '../../http/define-route.js';
import { toContact } from './_contact.js';
import { useCasesFor } from '../../http/use-case-context.js';
import { toFieldMessages } from '../../views/signup-view.js';

export default implement(checkSignupOperation, async (route) => {
  const { signupId, cbsCode, contact, preferences, scanStatus, scan, remarks, lateOverride } =
    route.body;
  const warnings = unwrapOutcome(
    await checkSignup(useCasesFor(route), {
      ...(signupId === undefined ? {} : { signupId: toSignupId(signupId) }),
      ...(cbsCode === undefined ? {} : { cbsCode }),
      ...(contact ? { contact: toContact(contact) } : {}),
      ...(preferences ? { preferences } : {}),
      ...(scanStatus === undefined ? {} : { scanStatus }),
      ...(scan === undefined ? {} : { scan }),
      ...(remarks === undefined ? {} : { remarks }),
      ...(lateOverride ? { lateOverride } : {}),
    }),
  );
  return { warnings: toFieldMessages(warnings, route.language) };
});
