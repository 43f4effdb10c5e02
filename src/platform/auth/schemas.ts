import { z } from 'zod';
import { roles } from '../db/schema/org.js';

/** A role granted on a unit (null unit: the whole system), as the API shows it. */
export const grantSchema = z
  .object({
    id: z.number().int(),
    role: z.enum(roles),
    unitId: z.number().int().nullable(),
    unitCode: z.string().nullable(),
    unitName: z.string().nullable(),
  })
  .meta({ id: 'Grant' });
