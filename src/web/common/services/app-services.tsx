// What every page gets from the shell: the API (a fake in component tests), the signed-in user
// and their permissions, the clock and the polling interval.
import { createContext, useContext, type ReactNode } from 'react';
import type { TGetMeResponse, TPermission } from '../api/api-types.js';
import type { WorkshopApi } from '../api/workshop-api.js';

export interface AppServices {
  readonly api: WorkshopApi;
  readonly me: TGetMeResponse;
  readonly now: () => Date;
  /** How often a page that follows answers asks again (about 15 s; tests shorten it). */
  readonly pollIntervalMs: number;
  /** Starts a new sign-in (browser); undefined in Teams, which signs in by itself. */
  readonly signInAgain: (() => void) | undefined;
}

const AppServicesContext = createContext<AppServices | undefined>(undefined);

export function AppServicesProvider(props: { value: AppServices; children: ReactNode }) {
  return (
    <AppServicesContext.Provider value={props.value}>{props.children}</AppServicesContext.Provider>
  );
}

export function useAppServices(): AppServices {
  const services = useContext(AppServicesContext);
  if (!services) throw new Error('useAppServices outside AppServicesProvider');
  return services;
}

/** Used by components that may show a sign-in button outside the signed-in part. */
export function useOptionalAppServices(): AppServices | undefined {
  return useContext(AppServicesContext);
}

export function hasPermission(me: TGetMeResponse, permission: TPermission): boolean {
  return me.permissions.includes(permission);
}

/** The page "Planning": account holders plan and apply, the coordinator plans read-only. */
export function canPlan(me: TGetMeResponse): boolean {
  return hasPermission(me, 'signups:propose') || hasPermission(me, 'province:read');
}
