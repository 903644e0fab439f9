import type { Bia, Plan } from '@baken/contracts';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

/**
 * The continuity plan as a Word document in Dutch, for the college or the council to
 * approve: every section of the plan with its tables, and the BIA of every process as an annex.
 */
export interface PlanDocument {
  bestuurName: string;
  plan: Plan;
  bias: Bia[];
  generatedOn: string;
}

export const strategyNames: Record<string, string> = {
  manueel: 'Manueel verder werken',
  'andere-locatie': 'Uitwijken naar een andere locatie',
  'andere-leverancier': 'Overschakelen op een andere leverancier',
  'uitval-aanvaarden': 'Uitval aanvaarden',
};
export const exerciseKindNames: Record<string, string> = {
  tafeloefening: 'Tafeloefening',
  'technische-test': 'Technische hersteltest',
  'volledige-oefening': 'Volledige oefening',
};
export const approvedByNames: Record<string, string> = {
  college: 'het college van burgemeester en schepenen',
  raad: 'de gemeenteraad',
  'vast-bureau': 'het vast bureau',
};
export const hoursText = (h: number | null) =>
  h === null ? '–' : h % 24 === 0 ? `${h / 24} ${h === 24 ? 'dag' : 'dagen'}` : `${h} uur`;
const mtpdNames: Record<string, string> = {
  '4h': '4 uur',
  '1d': '1 dag',
  '3d': '3 dagen',
  '1w': '1 week',
  '2w': '2 weken',
  '1m': '1 maand',
};
export const mtpdText = (m: string | null) => (m ? mtpdNames[m] : 'langer dan 1 maand');

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_1) =>
  new Paragraph({ text, heading: level, spacing: { before: 240, after: 120 } });
/** Text as paragraphs, one per line; a dash when empty. */
const body = (text: string | null | undefined, empty = 'Nog niet ingevuld.') =>
  (text?.trim() ? text.split(/\r?\n/) : [empty]).map(
    (line) =>
      new Paragraph({ children: [new TextRun({ text: line, italics: !text?.trim() })], spacing: { after: 80 } }),
  );
const labelled = (label: string, value: string | null | undefined) =>
  new Paragraph({
    children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value?.trim() || '–')],
    spacing: { after: 80 },
  });

function table(headers: string[], rows: string[][], widths?: number[]) {
  const cell = (text: string, header: boolean, i: number) =>
    new TableCell({
      children: [new Paragraph({ children: [new TextRun({ text, bold: header, size: 18 })] })],
      shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'D9E2F3' } : undefined,
      width: widths ? { size: widths[i], type: WidthType.PERCENTAGE } : undefined,
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, true, i)) }),
      ...(rows.length ? rows : [headers.map((_, i) => (i === 0 ? 'Geen' : ''))]).map(
        (r) => new TableRow({ children: r.map((c, i) => cell(c, false, i)) }),
      ),
    ],
  });
}

function titlePage(d: PlanDocument) {
  const dc = d.plan.sections.documentControl;
  return [
    new Paragraph({ text: 'Bedrijfscontinuïteitsplan', heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
    new Paragraph({
      children: [new TextRun({ text: d.bestuurName, size: 32, bold: true })],
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
    }),
    labelled('Versie', dc.documentVersion),
    labelled(
      'Goedgekeurd',
      dc.approvedBy && dc.approvedOn
        ? `door ${approvedByNames[dc.approvedBy]} op ${dc.approvedOn}`
        : 'nog niet goedgekeurd',
    ),
    labelled('Opgemaakt op', d.generatedOn),
  ];
}

function crisis(p: Plan) {
  const s = p.sections;
  return [
    heading('2. Crisisorganisatie'),
    heading('2.1 Crisisteam', HeadingLevel.HEADING_2),
    table(
      ['Rol', 'Naam', 'Telefoon', 'Plaatsvervanger', 'Telefoon plaatsvervanger'],
      s.crisisTeam.map((m) => [m.role, m.name, m.phone ?? '–', m.deputyName ?? '–', m.deputyPhone ?? '–']),
    ),
    heading('2.2 Belboom', HeadingLevel.HEADING_2),
    ...body(s.callTree),
    heading('2.3 Vergaderplaats', HeadingLevel.HEADING_2),
    labelled('Vergaderplaats', s.meetingPlace),
    labelled('Uitwijkplaats', s.alternativeMeetingPlace),
  ];
}

function strategies(p: Plan) {
  return [
    heading('4. Kritieke processen en strategie'),
    new Paragraph({
      text: `Een proces is kritiek wanneer de impact binnen ${mtpdText(p.settings.criticalThreshold)} het onaanvaardbare niveau ${p.settings.unacceptableLevel} bereikt. De processen staan in volgorde van urgentie.`,
      spacing: { after: 120 },
    }),
    table(
      ['Proces', 'MTPD', 'RTO', 'RPO', 'Strategie', 'Minimale dienstverlening'],
      p.strategies.map((s) => [
        s.processName.nl,
        mtpdText(s.mtpd),
        hoursText(s.rtoHours),
        hoursText(s.rpoHours),
        s.strategy ? strategyNames[s.strategy] : 'nog te kiezen',
        s.minimumServiceLevel ?? '–',
      ]),
      [26, 10, 10, 10, 20, 24],
    ),
    ...p.strategies.flatMap((s) => [
      heading(s.processName.nl, HeadingLevel.HEADING_3),
      ...body(s.description, 'Geen toelichting.'),
      new Paragraph({ children: [new TextRun({ text: 'Noodprocedure', bold: true })] }),
      ...body(s.procedure, 'Nog geen procedure.'),
    ]),
  ];
}

function recovery(p: Plan) {
  return [
    heading('5. Herstel van toepassingen'),
    new Paragraph({
      text: 'De volgorde volgt uit de afhankelijkheden van de kritieke processen: eerst de toepassing die het dringendste proces nodig heeft.',
      spacing: { after: 120 },
    }),
    table(
      ['#', 'Toepassing', 'Leverancier', 'Terug binnen', 'Hersteltijd', 'Kritieke processen'],
      p.recovery.map((a) => [
        String(a.order),
        a.name,
        a.supplierName ?? '–',
        hoursText(a.requiredHours),
        hoursText(a.recoveryTimeHours),
        a.processes
          .filter((x) => x.critical)
          .map((x) => x.name.nl)
          .join(', '),
      ]),
      [5, 22, 18, 13, 13, 29],
    ),
    ...p.recovery.flatMap((a) => [
      heading(`${a.order}. ${a.name}`, HeadingLevel.HEADING_3),
      ...body(a.procedure, 'Nog geen herstelprocedure.'),
    ]),
  ];
}

function exercises(p: Plan) {
  return [
    heading('7. Oefeningen'),
    table(
      ['Oefening', 'Soort', 'Gepland', 'Gehouden', 'Open acties'],
      p.exercises.map((e) => [
        e.title,
        exerciseKindNames[e.kind],
        e.plannedOn ?? '–',
        e.heldOn ?? '–',
        String(e.openActions),
      ]),
    ),
    ...p.exercises
      .filter((e) => e.findings || e.actions.length)
      .flatMap((e) => [
        heading(e.title, HeadingLevel.HEADING_3),
        new Paragraph({ children: [new TextRun({ text: 'Bevindingen', bold: true })] }),
        ...body(e.findings, 'Geen bevindingen.'),
        table(
          ['Actie', 'Verantwoordelijke', 'Tegen', 'Afgerond'],
          e.actions.map((a) => [a.description, a.owner ?? '–', a.due ?? '–', a.done ? 'ja' : 'nee']),
        ),
      ]),
  ];
}

function annex(bias: Bia[]) {
  return [
    heading('Bijlage: business impact analyse'),
    table(
      ['Proces', 'Hoogste impact', 'MTPD', 'RTO', 'RPO', 'Kritiek', 'Afhankelijk van'],
      bias.map((b) => [
        b.processName.nl,
        String(Math.max(0, ...Object.values(b.impacts).flat())),
        mtpdText(b.mtpd),
        hoursText(b.rtoHours),
        hoursText(b.rpoHours),
        b.critical ? 'ja' : 'nee',
        [...b.dependencies.applications.map((a) => a.name), ...b.dependencies.suppliers.map((s) => s.name)].join(
          ', ',
        ) || '–',
      ]),
      [26, 10, 11, 10, 10, 8, 25],
    ),
  ];
}

export async function planDocx(d: PlanDocument): Promise<Buffer> {
  const s = d.plan.sections;
  const c = s.communication;
  const dc = s.documentControl;
  const doc = new Document({
    creator: 'Baken',
    title: `Bedrijfscontinuïteitsplan ${d.bestuurName}`,
    styles: { default: { document: { run: { font: 'Calibri', size: 21 } } } },
    sections: [
      {
        children: [
          ...titlePage(d),
          heading('1. Toepassingsgebied'),
          ...body(s.scope),
          ...crisis(d.plan),
          heading('3. Activatie en escalatie'),
          heading('3.1 Criteria voor activatie', HeadingLevel.HEADING_2),
          ...body(s.activationCriteria),
          heading('3.2 Escalatie', HeadingLevel.HEADING_2),
          ...body(s.escalation),
          ...strategies(d.plan),
          ...recovery(d.plan),
          heading('6. Communicatie'),
          table(
            ['Doelgroep', 'Aanpak'],
            [
              ['Personeel', c.staff ?? '–'],
              ['Burgers', c.citizens ?? '–'],
              ['Pers', c.press ?? '–'],
              ['Overheden', c.authorities ?? '–'],
            ],
            [20, 80],
          ),
          ...exercises(d.plan),
          heading('8. Documentbeheer'),
          table(
            ['Gegeven', 'Waarde'],
            [
              ['Versie', dc.documentVersion ?? '–'],
              ['Goedgekeurd door', dc.approvedBy ? approvedByNames[dc.approvedBy] : '–'],
              ['Goedgekeurd op', dc.approvedOn ?? '–'],
              ['Volgende herziening', dc.nextReview ?? '–'],
              ['Laatst gewijzigd door', d.plan.updatedBy ?? '–'],
            ],
            [35, 65],
          ),
          ...annex(d.bias),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
