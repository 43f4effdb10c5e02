import { z } from 'zod';
import { safeString } from '../../platform/vn/index.js';
import { grantSchema } from '../../platform/auth/schemas.js';
import { roles, unitKinds } from '../../platform/db/schema/org.js';

/** API contract of the org module (units, users, role grants); one schema per shape. */

const isoDate = z.iso.date().describe('YYYY-MM-DD');
const unitCode = safeString()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}._-]+$/u, 'Mã chỉ gồm chữ, số và các ký tự . _ -');

export const unitSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(unitKinds),
    abbreviation: z.string().nullable(),
    parentId: z.number().int().nullable(),
    sortOrder: z.number().int(),
    activeFrom: z.string().nullable(),
    activeTo: z.string().nullable(),
    /** The place written on the unit's documents; null: its nearest ancestor's. */
    place: z.string().nullable(),
    /** The signer of the unit's reports: authority line, title and name. */
    signerAuthority: z.string().nullable(),
    signerTitle: z.string().nullable(),
    signerName: z.string().nullable(),
  })
  .meta({ id: 'Unit' });
export type UnitView = z.infer<typeof unitSchema>;

export const unitDetailSchema = unitSchema
  .extend({
    ancestors: z.array(z.object({ id: z.number().int(), code: z.string(), name: z.string() })),
    childCount: z.number().int(),
    canManage: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'UnitDetail' });

export const createUnitSchema = z
  .object({
    code: unitCode,
    name: safeString().trim().min(1).max(300),
    kind: z.enum(unitKinds),
    abbreviation: safeString().trim().max(64).nullable().optional(),
    parentId: z.number().int().nullable(),
    sortOrder: z.number().int().min(-1_000_000).max(1_000_000).optional(),
    activeFrom: isoDate.nullable().optional(),
    activeTo: isoDate.nullable().optional(),
    place: safeString().trim().max(100).nullable().optional(),
    signerAuthority: safeString().trim().max(200).nullable().optional(),
    signerTitle: safeString().trim().max(200).nullable().optional(),
    signerName: safeString().trim().max(200).nullable().optional(),
  })
  .meta({ id: 'CreateUnit' });
export type CreateUnitInput = z.infer<typeof createUnitSchema>;

export const updateUnitSchema = createUnitSchema.partial().meta({ id: 'UpdateUnit' });
export type UpdateUnitInput = z.infer<typeof updateUnitSchema>;

export const importResultSchema = z
  .object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() })
  .meta({ id: 'UnitImportResult' });

export { grantSchema as grantViewSchema };

export const userSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    fullName: z.string(),
    email: z.string().nullable(),
    homeUnitId: z.number().int().nullable(),
    homeUnitName: z.string().nullable(),
    isActive: z.boolean(),
    lockedUntil: z.string().nullable(),
    createdAt: z.string(),
    grants: z.array(grantSchema),
  })
  .meta({ id: 'User' });
export type UserView = z.infer<typeof userSchema>;

const username = safeString()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[A-Za-z0-9._@-]+$/, 'Tên đăng nhập chỉ gồm chữ không dấu, số và . _ @ -');

export const createUserSchema = z
  .object({
    username,
    fullName: safeString().trim().min(1).max(200),
    email: z.email().nullable().optional(),
    homeUnitId: z.number().int().nullable(),
    password: safeString().max(200),
  })
  .meta({ id: 'CreateUser' });
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .object({
    fullName: safeString().trim().min(1).max(200).optional(),
    email: z.email().nullable().optional(),
    isActive: z.boolean().optional(),
    homeUnitId: z.number().int().nullable().optional(),
  })
  .meta({ id: 'UpdateUser' });
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const addGrantSchema = z
  .object({ role: z.enum(roles), unitId: z.number().int().nullable() })
  .meta({ id: 'AddGrant' });
