// SharePoint: sites, lists, columns, items (to be built).
import type { SandboxContext, SandboxModule } from '../context.js';
import type { TableSchema } from '../store/db.js';

export const sharePointSchemas: readonly TableSchema[] = [];

export const sharePointModule: SandboxModule = () => {};

/** Creates the root site of the RIEC tenant. */
export function seedSharePoint(_ctx: SandboxContext): void {}
