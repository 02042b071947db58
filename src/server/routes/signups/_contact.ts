// The contact of a request body (ZContactInput) as the domain takes it: no function key when none
// was given (registerSignup, updateSignup and checkSignup share it).
import type { Contact } from '../../../domain/signup.js';
import type { TContactInput } from '../../../contract/schemas/common.js';

export function toContact(contact: TContactInput): Contact {
  return {
    name: contact.name,
    email: contact.email,
    ...(contact.function !== undefined ? { function: contact.function } : {}),
  };
}
