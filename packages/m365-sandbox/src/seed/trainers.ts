// The sandbox's advisors in the shape of the product's trainer file (`npm run provision --
// --trainers <file>`): data, so the sandbox still imports nothing from the product.
import { BERENSCHOT_TENANT, PEOPLE, RIEC_TENANT } from './people.js';

export interface TrainerFileEntry {
  readonly name: string;
  readonly email: string;
  readonly organisation: 'Berenschot' | 'RIEC';
  readonly riec?: string;
  readonly tenantId: string;
  readonly objectId: string;
}

export function sandboxTrainerList(): TrainerFileEntry[] {
  return PEOPLE.filter((p) => p.roles.includes('Workshop.Trainer')).map((p) => ({
    name: `${p.givenName} ${p.surname}`,
    email: p.upn,
    organisation: p.tenant === 'berenschot' ? 'Berenschot' : 'RIEC',
    ...(p.tenant === 'riec' ? { riec: p.department } : {}),
    tenantId: p.tenant === 'berenschot' ? BERENSCHOT_TENANT.id : RIEC_TENANT.id,
    objectId: p.id,
  }));
}
