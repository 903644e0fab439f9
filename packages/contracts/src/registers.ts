import { z } from 'zod';
import { Kbo } from './besturen.js';
import { LocalText } from './catalog.js';
import { BestuurParams, Email, Id, Timestamp, Version } from './common.js';
import { Classification } from './processes.js';

/** Whether a processing agreement (verwerkersovereenkomst, GDPR art. 28) is in place. */
export const processingAgreementStatuses = ['aanwezig', 'ontbreekt', 'niet-nodig'] as const;
export const ProcessingAgreementStatus = z.enum(processingAgreementStatuses);
export type ProcessingAgreementStatus = z.infer<typeof ProcessingAgreementStatus>;

/** Certifications a supplier can show; the labels are proper names, the same in every language. */
export const supplierCertifications = [
  'iso-27001',
  'iso-27701',
  'iso-27017',
  'iso-27018',
  'iso-22301',
  'soc2-type2',
  'isae-3402',
  'csa-star',
] as const;
export const SupplierCertification = z.enum(supplierCertifications);
export type SupplierCertification = z.infer<typeof SupplierCertification>;

export const hostings = ['on-premises', 'saas', 'cloud', 'landingszone'] as const;
export const Hosting = z.enum(hostings);
export type Hosting = z.infer<typeof Hosting>;

export const dataLocations = ['belgie', 'eu', 'buiten-eu', 'onbekend'] as const;
export const DataLocation = z.enum(dataLocations);
export type DataLocation = z.infer<typeof DataLocation>;

const Name = z.string().trim().min(1).max(200);
/** Optional free text: empty becomes null. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((v) => (v ? v : null));
const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()./-]{5,24}$/, { message: 'phone_invalid' });
const IsoDate = z.iso.date();

const supplierFields = {
  name: Name,
  kboNumber: Kbo.nullable(),
  contactEmail: Email.nullable(),
  contactPhone: Phone.nullable(),
  contractReference: optionalText(200),
  contractStart: IsoDate.nullable(),
  contractEnd: IsoDate.nullable(),
  processingAgreement: ProcessingAgreementStatus,
  /** Only when the agreement is in place: when it was signed. */
  processingAgreementDate: IsoDate.nullable(),
  certifications: z.array(SupplierCertification).max(supplierCertifications.length),
  notes: optionalText(4000),
};

/** Creating a supplier: only the name is required. */
export const SupplierCreate = z.object({
  name: Name,
  kboNumber: supplierFields.kboNumber.default(null),
  contactEmail: supplierFields.contactEmail.default(null),
  contactPhone: supplierFields.contactPhone.default(null),
  contractReference: supplierFields.contractReference.default(null),
  contractStart: supplierFields.contractStart.default(null),
  contractEnd: supplierFields.contractEnd.default(null),
  processingAgreement: ProcessingAgreementStatus.default('ontbreekt'),
  processingAgreementDate: supplierFields.processingAgreementDate.default(null),
  certifications: supplierFields.certifications.default([]),
  notes: supplierFields.notes.default(null),
});
export type SupplierCreate = z.infer<typeof SupplierCreate>;

/** Changing a supplier: the fields that change, and the version that was read. */
export const SupplierUpdate = z.object(supplierFields).partial().extend({ version: Version });
export type SupplierUpdate = z.infer<typeof SupplierUpdate>;

export const Supplier = z.object({
  id: Id,
  name: z.string(),
  kboNumber: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contractReference: z.string().nullable(),
  contractStart: z.string().nullable(),
  contractEnd: z.string().nullable(),
  processingAgreement: ProcessingAgreementStatus,
  processingAgreementDate: z.string().nullable(),
  certifications: z.array(SupplierCertification),
  notes: z.string().nullable(),
  /** How many applications of the bestuur come from this supplier. */
  applicationCount: z.number().int().min(0),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Supplier = z.infer<typeof Supplier>;
export const SupplierList = z.object({ items: z.array(Supplier) });
export const SupplierParams = BestuurParams.extend({ supplierId: Id });

const applicationFields = {
  name: Name,
  description: optionalText(4000),
  /** An application kind of the generic process list (content/application-kinds.yaml). */
  kind: z.string().trim().min(1).max(100).nullable(),
  supplierId: Id.nullable(),
  hosting: Hosting,
  /** Users sign in through the Flemish government's ACM/IDM. */
  acmIdm: z.boolean(),
  dataLocation: DataLocation,
};

export const ApplicationCreate = z.object({
  ...applicationFields,
  description: applicationFields.description.default(null),
  kind: applicationFields.kind.default(null),
  supplierId: applicationFields.supplierId.default(null),
  acmIdm: z.boolean().default(false),
  dataLocation: DataLocation.default('onbekend'),
});
export type ApplicationCreate = z.infer<typeof ApplicationCreate>;

export const ApplicationUpdate = z.object(applicationFields).partial().extend({ version: Version });
export type ApplicationUpdate = z.infer<typeof ApplicationUpdate>;

/** Replaces the information assets an application holds. */
export const ApplicationAssetsUpdate = z.object({
  version: Version,
  assetIds: z
    .array(Id)
    .max(2000)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'asset_ids_duplicate' }),
});
export type ApplicationAssetsUpdate = z.infer<typeof ApplicationAssetsUpdate>;

export const ApplicationAsset = z.object({
  id: Id,
  name: LocalText,
  processId: Id,
  class: Classification,
});
export const ApplicationProcess = z.object({ id: Id, name: LocalText });

export const Application = z.object({
  id: Id,
  name: z.string(),
  description: z.string().nullable(),
  kind: z.string().nullable(),
  kindName: LocalText.nullable(),
  supplier: z.object({ id: Id, name: z.string() }).nullable(),
  hosting: Hosting,
  acmIdm: z.boolean(),
  dataLocation: DataLocation,
  /** The highest class of its linked assets per dimension; null without assets. */
  class: Classification.nullable(),
  assets: z.array(ApplicationAsset),
  /** The processes of its linked assets: the processes the application serves. */
  processes: z.array(ApplicationProcess),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Application = z.infer<typeof Application>;
export const ApplicationList = z.object({ items: z.array(Application) });
export const ApplicationParams = BestuurParams.extend({ applicationId: Id });

export const ApplicationKind = z.object({ id: z.string(), name: LocalText });
export type ApplicationKind = z.infer<typeof ApplicationKind>;
export const ApplicationKindList = z.object({ items: z.array(ApplicationKind) });

/** An application kind the bestuur's adopted processes use and no application of the bestuur has yet. */
export const ApplicationProposal = z.object({
  kind: z.string(),
  name: LocalText,
  processes: z.array(ApplicationProcess),
});
export type ApplicationProposal = z.infer<typeof ApplicationProposal>;
export const ApplicationProposalList = z.object({ items: z.array(ApplicationProposal) });
