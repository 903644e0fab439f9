import { type PdfBlock, renderPdf } from '../../platform/pdf.js';
import {
  type PlanDocument,
  approvedByNames,
  exerciseKindNames,
  hoursText,
  mtpdText,
  strategyNames,
} from './plan.docx.js';

/** The continuity plan as a PDF in Dutch: the same sections and tables as the Word document. */
const text = (t: string | null | undefined, empty = 'Nog niet ingevuld.'): PdfBlock =>
  t?.trim() ? { type: 'text', text: t } : { type: 'text', text: empty, muted: true };

export async function planPdf(d: PlanDocument): Promise<Buffer> {
  const p = d.plan;
  const s = p.sections;
  const dc = s.documentControl;
  const c = s.communication;
  const blocks: PdfBlock[] = [
    {
      type: 'facts',
      items: [
        ['Versie', dc.documentVersion ?? '–'],
        [
          'Goedgekeurd',
          dc.approvedBy && dc.approvedOn
            ? `door ${approvedByNames[dc.approvedBy]} op ${dc.approvedOn}`
            : 'nog niet goedgekeurd',
        ],
      ],
    },
    { type: 'section', title: '1. Toepassingsgebied', blocks: [text(s.scope)] },
    {
      type: 'section',
      title: '2. Crisisorganisatie',
      blocks: [
        {
          type: 'table',
          columns: [
            { header: 'Rol' },
            { header: 'Naam' },
            { header: 'Telefoon' },
            { header: 'Plaatsvervanger' },
            { header: 'Telefoon plaatsvervanger' },
          ],
          rows: s.crisisTeam.map((m) => [m.role, m.name, m.phone ?? '–', m.deputyName ?? '–', m.deputyPhone ?? '–']),
        },
        { type: 'text', text: 'Belboom', bold: true },
        text(s.callTree),
        {
          type: 'facts',
          items: [
            ['Vergaderplaats', s.meetingPlace ?? '–'],
            ['Uitwijkplaats', s.alternativeMeetingPlace ?? '–'],
          ],
        },
      ],
    },
    {
      type: 'section',
      title: '3. Activatie en escalatie',
      blocks: [
        { type: 'text', text: 'Criteria voor activatie', bold: true },
        text(s.activationCriteria),
        { type: 'text', text: 'Escalatie', bold: true },
        text(s.escalation),
      ],
    },
    {
      type: 'section',
      title: '4. Kritieke processen en strategie',
      blocks: [
        {
          type: 'text',
          text: `Een proces is kritiek wanneer de impact binnen ${mtpdText(p.settings.criticalThreshold)} het onaanvaardbare niveau ${p.settings.unacceptableLevel} bereikt.`,
        },
        {
          type: 'table',
          columns: [
            { header: 'Proces' },
            { header: 'MTPD', width: 'auto' },
            { header: 'RTO', width: 'auto' },
            { header: 'RPO', width: 'auto' },
            { header: 'Strategie' },
            { header: 'Minimale dienstverlening' },
          ],
          rows: p.strategies.map((x) => [
            x.processName.nl,
            mtpdText(x.mtpd),
            hoursText(x.rtoHours),
            hoursText(x.rpoHours),
            x.strategy ? strategyNames[x.strategy] : 'nog te kiezen',
            x.minimumServiceLevel ?? '–',
          ]),
        },
        ...p.strategies.flatMap((x): PdfBlock[] => [
          { type: 'text', text: x.processName.nl, bold: true },
          text(x.description, 'Geen toelichting.'),
          text(x.procedure, 'Nog geen procedure.'),
        ]),
      ],
    },
    {
      type: 'section',
      title: '5. Herstel van toepassingen',
      blocks: [
        {
          type: 'table',
          columns: [
            { header: '#', width: 'auto' },
            { header: 'Toepassing' },
            { header: 'Leverancier' },
            { header: 'Terug binnen', width: 'auto' },
            { header: 'Hersteltijd', width: 'auto' },
            { header: 'Kritieke processen' },
          ],
          rows: p.recovery.map((a) => [
            a.order,
            a.name,
            a.supplierName ?? '–',
            hoursText(a.requiredHours),
            hoursText(a.recoveryTimeHours),
            a.processes
              .filter((x) => x.critical)
              .map((x) => x.name.nl)
              .join(', '),
          ]),
        },
        ...p.recovery.flatMap((a): PdfBlock[] => [
          { type: 'text', text: `${a.order}. ${a.name}`, bold: true },
          text(a.procedure, 'Nog geen herstelprocedure.'),
        ]),
      ],
    },
    {
      type: 'section',
      title: '6. Communicatie',
      blocks: [
        {
          type: 'table',
          columns: [{ header: 'Doelgroep', width: 'auto' }, { header: 'Aanpak' }],
          rows: [
            ['Personeel', c.staff ?? '–'],
            ['Burgers', c.citizens ?? '–'],
            ['Pers', c.press ?? '–'],
            ['Overheden', c.authorities ?? '–'],
          ],
        },
      ],
    },
    {
      type: 'section',
      title: '7. Oefeningen',
      blocks: [
        {
          type: 'table',
          columns: [
            { header: 'Oefening' },
            { header: 'Soort' },
            { header: 'Gepland', width: 'auto' },
            { header: 'Gehouden', width: 'auto' },
            { header: 'Open acties', width: 'auto' },
          ],
          rows: p.exercises.map((e) => [
            e.title,
            exerciseKindNames[e.kind],
            e.plannedOn ?? '–',
            e.heldOn ?? '–',
            e.openActions,
          ]),
        },
        ...p.exercises
          .filter((e) => e.findings || e.actions.length)
          .flatMap((e): PdfBlock[] => [
            { type: 'text', text: e.title, bold: true },
            text(e.findings, 'Geen bevindingen.'),
            {
              type: 'table',
              columns: [
                { header: 'Actie' },
                { header: 'Verantwoordelijke' },
                { header: 'Tegen', width: 'auto' },
                { header: 'Afgerond', width: 'auto' },
              ],
              rows: e.actions.map((a) => [a.description, a.owner ?? '–', a.due ?? '–', a.done ? 'ja' : 'nee']),
            },
          ]),
      ],
    },
    {
      type: 'section',
      title: '8. Documentbeheer',
      blocks: [
        {
          type: 'facts',
          items: [
            ['Versie', dc.documentVersion ?? '–'],
            ['Goedgekeurd door', dc.approvedBy ? approvedByNames[dc.approvedBy] : '–'],
            ['Goedgekeurd op', dc.approvedOn ?? '–'],
            ['Volgende herziening', dc.nextReview ?? '–'],
            ['Laatst gewijzigd door', p.updatedBy ?? '–'],
          ],
        },
      ],
    },
    { type: 'pageBreak' },
    {
      type: 'section',
      title: 'Bijlage: business impact analyse',
      blocks: [
        {
          type: 'table',
          fontSize: 8,
          columns: [
            { header: 'Proces' },
            { header: 'Hoogste impact', width: 'auto' },
            { header: 'MTPD', width: 'auto' },
            { header: 'RTO', width: 'auto' },
            { header: 'RPO', width: 'auto' },
            { header: 'Kritiek', width: 'auto' },
            { header: 'Afhankelijk van' },
          ],
          rows: d.bias.map((b) => [
            b.processName.nl,
            Math.max(0, ...Object.values(b.impacts).flat()),
            mtpdText(b.mtpd),
            hoursText(b.rtoHours),
            hoursText(b.rpoHours),
            b.critical ? 'ja' : 'nee',
            [...b.dependencies.applications.map((a) => a.name), ...b.dependencies.suppliers.map((x) => x.name)].join(
              ', ',
            ) || '–',
          ]),
        },
      ],
    },
  ];
  return renderPdf({
    title: 'Bedrijfscontinuïteitsplan',
    bestuur: d.bestuurName,
    lang: 'nl',
    generatedAt: new Date(`${d.generatedOn}T12:00:00Z`),
    blocks,
  });
}
