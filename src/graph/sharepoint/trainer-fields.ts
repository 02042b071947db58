// A trainer ↔ an item in "Workshoptrainers".
import { z } from 'zod';
import { RIECS } from '../../domain/municipalities.js';
import type { TrainerEntry } from '../../domain/ports.js';

export const ZTrainerFields = z.object({
  id: z.string(),
  Title: z.string(),
  Email: z.string(),
  Organisatie: z.enum(['Berenschot', 'RIEC']),
  Riec: z.enum(RIECS).nullish(),
  Actief: z.boolean().nullish(),
  TenantId: z.string().nullish(),
  ObjectId: z.string().nullish(),
});

export interface TrainerSeed {
  readonly name: string;
  readonly email: string;
  readonly organisation: 'Berenschot' | 'RIEC';
  readonly riec?: (typeof RIECS)[number];
  /** The account the trainer signs in with (Entra tenant id and object id). */
  readonly account?: { readonly tenantId: string; readonly objectId: string };
}

export function toTrainerAccountFields(
  account: NonNullable<TrainerSeed['account']>,
): Record<string, string> {
  return { TenantId: account.tenantId.toLowerCase(), ObjectId: account.objectId.toLowerCase() };
}

export function toTrainerFields(trainer: TrainerSeed): Record<string, unknown> {
  return {
    Title: trainer.name,
    Email: trainer.email.toLowerCase(),
    Organisatie: trainer.organisation,
    ...(trainer.riec ? { Riec: trainer.riec } : {}),
    ...(trainer.account ? toTrainerAccountFields(trainer.account) : {}),
    Actief: true,
  };
}

export function fromTrainerFields(fields: z.infer<typeof ZTrainerFields>): TrainerEntry {
  const role = fields.Organisatie === 'Berenschot' ? 'berenschot' : 'riec';
  return {
    id: fields.Email.toLowerCase(),
    name: fields.Title,
    email: fields.Email.toLowerCase(),
    role,
    ...(role === 'riec' && fields.Riec ? { riec: fields.Riec } : {}),
    ...(fields.TenantId?.trim() && fields.ObjectId?.trim()
      ? {
          account: {
            tenantId: fields.TenantId.trim().toLowerCase(),
            objectId: fields.ObjectId.trim().toLowerCase(),
          },
        }
      : {}),
  };
}
