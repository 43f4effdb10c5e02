import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/access/roles.js';
import { fail } from '../../../platform/errors.js';
import { vietnamDateOf } from '../../../platform/time/vietnam.js';
import { clean, conventionOfUnitKind, renderOfficialDocx, selectIssuingUnit, type IssuingUnit, type OfficialHeading } from '../../../core/official-docx/index.js';
import { selectUnitsByIds, selectVisibleCampaign, type CampaignRow } from '../plan/repository.js';
import { selectPlanStructure, type PlanStructure } from '../plan/structure-repository.js';
import { planBody } from './content.js';

function planHeading(campaign: CampaignRow, owner: IssuingUnit, distribution: string[]): OfficialHeading {
  const convention = conventionOfUnitKind(owner.kind);
  const party = convention === 'party';
  const { signer } = owner;
  const configured = signer.title !== null || signer.name !== null;
  return {
    convention,
    docType: 'Kế hoạch',
    parentBody: owner.parentName ? owner.parentName.toLocaleUpperCase('vi') : null,
    issuingBody: owner.name.toLocaleUpperCase('vi'),
    numberSymbol: campaign.code,
    place: owner.place ?? '',
    date: vietnamDateOf(campaign.createdAt),
    subject: campaign.title,
    recipients: [],
    distribution: [...distribution, party ? 'Lưu VT' : 'Lưu: VT'],
    signer: configured
      ? { authority: signer.authority, body: null, title: signer.title ?? '', name: signer.name ?? '' }
      : { authority: party ? 'T/M' : 'KT.', body: party ? owner.name.toLocaleUpperCase('vi') : 'THỦ TRƯỞNG CƠ QUAN', title: party ? 'BÍ THƯ' : 'PHÓ THỦ TRƯỞNG', name: '' },
  };
}

function unitIdsOf(structure: PlanStructure): number[] {
  return [...new Set(structure.assignments.flatMap((a) => [...(a.leadUnitId === null ? [] : [a.leadUnitId]), ...a.taskUnitIds, ...a.coordinatingUnitIds]))];
}

/**
 * The plan as a DOCX in the official layout of its owner (Party: Guidance 36, State: Decree 30,
 * by the owner's kind), for whoever sees the plan: numbered with its code, dated the day it was
 * confirmed at the owner's place, the units with tasks in "Nơi nhận".
 */
export async function campaignPlanDocx(db: Db, options: { actor: Actor; campaignId: number }): Promise<{ buffer: Buffer; fileName: string }> {
  const campaign = await selectVisibleCampaign(db, options.actor, options.campaignId);
  if (!campaign) fail('CAMPAIGN_NOT_FOUND');
  const owner = await selectIssuingUnit(db, campaign.ownerUnitId);
  if (!owner) fail('UNIT_NOT_FOUND');
  const structure = await selectPlanStructure(db, campaign.id);
  const units = await selectUnitsByIds(db, unitIdsOf(structure));
  const unitNames = new Map(units.map((u) => [u.id, u.name]));
  const taskUnits = [...new Set(structure.assignments.flatMap((a) => a.taskUnitIds))].map((id) => unitNames.get(id)).filter((n): n is string => !!n);
  const body = planBody({ ...campaign, ownerName: owner.name, structure, unitNames });
  const buffer = await renderOfficialDocx(planHeading(campaign, owner, taskUnits), body);
  const slug = clean(campaign.code).replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/gu, '');
  return { buffer, fileName: `ke-hoach-${slug || campaign.id}.docx` };
}
