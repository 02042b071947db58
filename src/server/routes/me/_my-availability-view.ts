// The answer of both "Mijn beschikbaarheid" operations.
import type { MyAvailability } from '../../../app/my-availability.js';
import type { TMyAvailabilityResponse } from '../../../contract/index.js';

export function myAvailabilityView(value: MyAvailability): TMyAvailabilityResponse {
  return {
    trainer: {
      id: value.trainer.id,
      name: value.trainer.name,
      email: value.trainer.email,
      role: value.trainer.role,
    },
    window: { ...value.window },
    weekly: value.weekly.map((w) => ({ ...w })),
    dates: value.dates.map((d) => ({ ...d })),
    updatedAt: value.updatedAt,
  };
}
