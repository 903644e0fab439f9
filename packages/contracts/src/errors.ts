/**
 * Stable error codes with their Dutch and English messages. The code is the contract;
 * the message is for people. Add a code here before throwing it anywhere.
 */
export const errorMessages = {
  VALIDATION_FAILED: { nl: 'De invoer is ongeldig.', en: 'The input is invalid.' },
  UNAUTHENTICATED: { nl: 'U bent niet aangemeld.', en: 'You are not signed in.' },
  INVALID_CREDENTIALS: {
    nl: 'Het e-mailadres of het wachtwoord is onjuist.',
    en: 'The e-mail address or the password is incorrect.',
  },
  ACCOUNT_LOCKED: {
    nl: 'Te veel mislukte aanmeldpogingen. Uw account is tijdelijk vergrendeld; probeer het opnieuw na {{until}}.',
    en: 'Too many failed sign-in attempts. Your account is temporarily locked; try again after {{until}}.',
  },
  ACCOUNT_INACTIVE: {
    nl: 'Dit account is gedeactiveerd. Neem contact op met de beheerder van uw bestuur.',
    en: 'This account has been deactivated. Contact the administrator of your organisation.',
  },
  RATE_LIMITED: {
    nl: 'Te veel verzoeken. Wacht even en probeer het opnieuw.',
    en: 'Too many requests. Wait a moment and try again.',
  },
  CSRF_INVALID: {
    nl: 'De beveiligingscontrole van dit verzoek is mislukt. Vernieuw de pagina en probeer opnieuw.',
    en: 'The security check of this request failed. Refresh the page and try again.',
  },
  FORBIDDEN: {
    nl: 'U hebt geen toestemming voor deze handeling.',
    en: 'You are not allowed to do this.',
  },
  NOT_FOUND: { nl: 'Niet gevonden.', en: 'Not found.' },
  REVIEW_OPEN: {
    nl: 'Er is al een indiening bij de coach die nog niet beoordeeld is.',
    en: 'There is already a submission with the coach that has not been reviewed yet.',
  },
  REVIEW_CLOSED: {
    nl: 'Over deze indiening is al beslist.',
    en: 'This submission has already been decided on.',
  },
  IPDC_IMPORT_INVALID: {
    nl: 'Het IPDC-bestand bevat fouten; er is niets ingelezen. Verbeter de rijen met fouten en probeer opnieuw.',
    en: 'The IPDC file has errors; nothing was imported. Correct the rows with errors and try again.',
  },
  IPDC_CONCEPT_UNKNOWN: {
    nl: 'Minstens één IPDC-concept staat niet in de catalogus. Laat de concepten eerst inlezen.',
    en: 'At least one IPDC concept is not in the catalogue. Have the concepts imported first.',
  },
  BPMN_INVALID: {
    nl: 'Dit is geen bruikbaar BPMN 2.0-bestand: {{reason}}',
    en: 'This is not a usable BPMN 2.0 file: {{reason}}',
  },
  TEMPLATE_ITEM_NOT_DELETABLE: {
    nl: 'Een proces of informatie-asset uit de generieke lijst kan niet verwijderd worden. Markeer het proces als niet van toepassing.',
    en: 'A process or information asset from the generic list cannot be deleted. Mark the process as not applicable.',
  },
  TEMPLATE_ITEM_NOT_EDITABLE: {
    nl: 'De naam en de beschrijving van een proces uit de generieke lijst volgen die lijst.',
    en: 'The name and description of a process from the generic list follow that list.',
  },
  VERSION_CONFLICT: {
    nl: 'Iemand anders heeft dit intussen gewijzigd. Bekijk de huidige versie en probeer opnieuw.',
    en: 'Someone else changed this in the meantime. Review the current version and try again.',
  },
  MEMBER_EXISTS: {
    nl: 'Deze persoon is al lid van dit bestuur.',
    en: 'This person is already a member of this organisation.',
  },
  LAST_ADMIN: {
    nl: 'Een bestuur moet minstens één actieve beheerder houden.',
    en: 'An organisation must keep at least one active administrator.',
  },
  SELF_CHANGE: {
    nl: 'U kunt uw eigen rol of toegang niet wijzigen.',
    en: 'You cannot change your own role or access.',
  },
  NIS_CODE_TAKEN: {
    nl: 'Er bestaat al een bestuur van deze soort met deze NIS-code.',
    en: 'An organisation of this kind with this NIS code already exists.',
  },
  KBO_TAKEN: {
    nl: 'Er bestaat al een bestuur met dit ondernemingsnummer.',
    en: 'An organisation with this enterprise number already exists.',
  },
  SUPPLIER_IN_USE: {
    nl: 'Deze leverancier levert nog toepassingen van dit bestuur. Koppel die toepassingen eerst los of verwijder ze.',
    en: 'This supplier still provides applications of this organisation. Unlink or delete those applications first.',
  },
  SUPPLIER_EXISTS: {
    nl: 'Dit bestuur heeft al een leverancier met deze naam.',
    en: 'This organisation already has a supplier with this name.',
  },
  APPLICATION_EXISTS: {
    nl: 'Dit bestuur heeft al een toepassing met deze naam.',
    en: 'This organisation already has an application with this name.',
  },
  RESET_TOKEN_INVALID: {
    nl: 'Deze link is ongeldig of verlopen. Vraag een nieuwe link aan.',
    en: 'This link is invalid or has expired. Request a new link.',
  },
  PASSWORD_INCORRECT: {
    nl: 'Het huidige wachtwoord is onjuist.',
    en: 'The current password is incorrect.',
  },
  OIDC_NOT_CONFIGURED: {
    nl: 'Aanmelden via de Vlaamse overheid is niet ingesteld.',
    en: 'Sign-in with the Flemish government is not configured.',
  },
  OIDC_FAILED: {
    nl: 'Aanmelden via de Vlaamse overheid is mislukt. Probeer het opnieuw.',
    en: 'Sign-in with the Flemish government failed. Try again.',
  },
  OIDC_NO_ACCOUNT: {
    nl: 'Er is geen Baken-account met een geverifieerd e-mailadres dat overeenkomt. Vraag uw beheerder om een uitnodiging.',
    en: 'No Baken account matches a verified e-mail address. Ask your administrator for an invitation.',
  },
  TOKEN_BESTUUR_MISMATCH: {
    nl: 'Deze API-sleutel hoort bij een ander bestuur.',
    en: 'This API token belongs to another organisation.',
  },
  PAYLOAD_TOO_LARGE: { nl: 'Het verzoek is te groot.', en: 'The request is too large.' },
  IMPORT_FILE_INVALID: {
    nl: 'Dit bestand kan niet worden ingelezen. Gebruik een Excel-werkmap (xlsx) zoals Baken die exporteert.',
    en: 'This file cannot be imported. Use an Excel workbook (xlsx) as Baken exports it.',
  },
  IMPORT_HAS_ERRORS: {
    nl: 'De werkmap bevat fouten; er is niets gewijzigd. Verbeter de rijen met fouten en probeer opnieuw.',
    en: 'The workbook has errors; nothing was changed. Correct the rows with errors and try again.',
  },
  EVIDENCE_TYPE_NOT_ALLOWED: {
    nl: 'Dit soort bestand kan niet als bewijs opgeladen worden, of de inhoud past niet bij het opgegeven type. Toegelaten: PDF, PNG, JPEG, tekst, CSV, Word, Excel, PowerPoint en OpenDocument.',
    en: 'This kind of file cannot be uploaded as evidence, or its content does not match the declared type. Allowed: PDF, PNG, JPEG, text, CSV, Word, Excel, PowerPoint and OpenDocument.',
  },
  NOT_APPLICABLE_NEEDS_APPROVAL: {
    nl: 'Alleen wie risico’s mag aanvaarden (de informatieveiligheidsconsulent) kan een maatregel als niet van toepassing goedkeuren.',
    en: 'Only someone who may accept risks (the information security officer) can approve a measure as not applicable.',
  },
  INTERNAL_ERROR: {
    nl: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.',
    en: 'Something went wrong on our side. Try again later.',
  },
} as const satisfies Record<string, { nl: string; en: string }>;

/** Messages for our own validation rules, keyed by the message a schema or service gives. */
export const validationMessages = {
  kbo_invalid: {
    nl: 'Geen geldig ondernemingsnummer: 10 cijfers met een juiste controle (mod 97).',
    en: 'Not a valid enterprise number: 10 digits with a correct check (mod 97).',
  },
  nis_code_invalid: { nl: 'Een NIS-code heeft 5 cijfers.', en: 'A NIS code has 5 digits.' },
  ipdc_concept_id_invalid: {
    nl: 'Geen geldige IPDC-concept-id: verwacht https://ipdc.vlaanderen.be/id/concept/{uuid} of een uuid.',
    en: 'Not a valid IPDC concept id: expected https://ipdc.vlaanderen.be/id/concept/{uuid} or a uuid.',
  },
  file_name_invalid: {
    nl: 'Een bestandsnaam zonder schuine strepen of stuurtekens.',
    en: 'A file name without slashes or control characters.',
  },
  nis_code_not_applicable: {
    nl: 'Alleen een gemeente, stad of OCMW heeft een NIS-code.',
    en: 'Only a municipality, city or OCMW has a NIS code.',
  },
  auditor_requires_end_date: {
    nl: 'Een auditor krijgt altijd een einddatum.',
    en: 'An auditor always gets an end date.',
  },
  classification_reason_required: {
    nl: 'Geef een reden wanneer de classificatie afwijkt van de standaardklasse.',
    en: 'Give a reason when the classification differs from the default class.',
  },
  process_domain_unknown: {
    nl: 'Dit domein staat niet in de generieke proceslijst.',
    en: 'This domain is not in the generic process list.',
  },
  classification_item_duplicate: {
    nl: 'Deze informatie-asset staat meer dan eens in de lijst.',
    en: 'This information asset is in the list more than once.',
  },
  phone_invalid: {
    nl: 'Geen geldig telefoonnummer: cijfers, eventueel met +, spaties, punten, haakjes of streepjes.',
    en: 'Not a valid phone number: digits, optionally with +, spaces, dots, brackets or dashes.',
  },
  contract_end_before_start: {
    nl: 'Het einde van het contract ligt voor het begin.',
    en: 'The end of the contract is before its start.',
  },
  processing_agreement_date_without_agreement: {
    nl: 'Een datum van de verwerkersovereenkomst kan alleen als die overeenkomst aanwezig is.',
    en: 'A processing agreement date is only possible when the agreement is in place.',
  },
  application_kind_unknown: {
    nl: 'Dit soort toepassing staat niet in de generieke proceslijst.',
    en: 'This kind of application is not in the generic process list.',
  },
  supplier_unknown: {
    nl: 'Deze leverancier bestaat niet in dit bestuur.',
    en: 'This supplier does not exist in this organisation.',
  },
  asset_unknown: {
    nl: 'Minstens één informatie-asset bestaat niet in dit bestuur.',
    en: 'At least one information asset does not exist in this organisation.',
  },
  asset_ids_duplicate: {
    nl: 'Een informatie-asset staat meer dan één keer in de lijst.',
    en: 'An information asset is in the list more than once.',
  },
  not_applicable_reason_required: {
    nl: 'Geef een reden waarom dit proces niet van toepassing is.',
    en: 'Give a reason why this process does not apply.',
  },
  draft_unchanged: {
    nl: 'Het concept verschilt niet van de laatste versie: er is niets te publiceren.',
    en: 'The draft does not differ from the latest version: there is nothing to publish.',
  },
  measure_not_required: {
    nl: 'Deze maatregel bestaat niet in de generieke lijst.',
    en: 'This measure does not exist in the generic list.',
  },
  owner_not_member: {
    nl: 'De eigenaar moet een actief lid van dit bestuur zijn.',
    en: 'The owner must be an active member of this organisation.',
  },
  risk_grid_size: {
    nl: 'Het raster heeft een rij per stap van waarschijnlijkheid en een kolom per stap van impact.',
    en: 'The grid has a row per step of likelihood and a column per step of impact.',
  },
  risk_grid_level: {
    nl: 'Elke cel van het raster verwijst naar een bestaand risiconiveau.',
    en: 'Every cell of the grid refers to an existing risk level.',
  },
  risk_outside_matrix: {
    nl: 'Deze waarde valt buiten de risicomatrix van het bestuur.',
    en: 'This value is outside the risk matrix of the organisation.',
  },
  risk_matrix_in_use: {
    nl: 'Er zijn risico’s met een waarde die buiten de nieuwe matrix valt; pas die eerst aan.',
    en: 'Some risks have a value outside the new matrix; change those first.',
  },
  threat_unknown: { nl: 'Deze dreiging staat niet in de catalogus.', en: 'This threat is not in the catalogue.' },
  process_or_asset_unknown: {
    nl: 'Dit proces of informatie-asset bestaat niet bij dit bestuur.',
    en: 'This process or information asset does not exist in this organisation.',
  },
  acceptance_needs_treatment: {
    nl: 'Alleen een risico met de behandeling "aanvaarden" kan formeel aanvaard worden.',
    en: 'Only a risk with the treatment "aanvaarden" (accept) can be formally accepted.',
  },
  requirement_not_in_level: {
    nl: 'Deze vereiste hoort niet bij de editie en het niveau van deze zelfevaluatie.',
    en: 'This requirement is not part of the edition and level of this self-assessment.',
  },
  file_name_required: {
    nl: 'Geef de naam van het bestand mee (kop X-File-Name).',
    en: 'Send the name of the file (header X-File-Name).',
  },
  na_reason_required: {
    nl: 'Geef een reden waarom deze maatregel niet van toepassing is.',
    en: 'Give a reason why this measure does not apply.',
  },
  own_items_only: {
    nl: 'Alleen bij een eigen proces of informatie-asset kan dit gewijzigd worden.',
    en: 'This can only be changed for an own process or information asset.',
  },
  bia_impact_decreases: {
    nl: 'De impact kan met de tijd niet afnemen: elke waarde is minstens die van het vorige tijdstip.',
    en: 'Impact cannot decrease over time: every value is at least that of the previous time point.',
  },
  bia_rto_exceeds_mtpd: {
    nl: 'De hersteltijd (RTO) mag niet langer zijn dan de maximaal toelaatbare onderbreking (MTPD).',
    en: 'The recovery time (RTO) may not be longer than the maximum tolerable period of disruption (MTPD).',
  },
  bia_dependency_unknown: {
    nl: 'Minstens één toepassing, leverancier of proces bestaat niet bij dit bestuur.',
    en: 'At least one application, supplier or process does not exist in this organisation.',
  },
  bia_self_dependency: {
    nl: 'Een proces kan niet van zichzelf afhangen.',
    en: 'A process cannot depend on itself.',
  },
  self_evaluation_incomplete: {
    nl: 'Beantwoord elke vraag van de zelfevaluatie precies één keer.',
    en: 'Answer every question of the self-evaluation exactly once.',
  },
  review_section_unknown: {
    nl: 'Dit onderdeel bestaat niet in deze indiening.',
    en: 'This section does not exist in this submission.',
  },
} as const satisfies Record<string, { nl: string; en: string }>;
export type ValidationMessageKey = keyof typeof validationMessages;

export type ErrorCode = keyof typeof errorMessages;
export const errorCodes = Object.keys(errorMessages) as ErrorCode[];

export type Lang = 'nl' | 'en';

/** Fills `{{name}}` placeholders of an error message. */
export function formatErrorMessage(code: ErrorCode, lang: Lang, params: Record<string, string> = {}): string {
  return errorMessages[code][lang].replace(/\{\{(\w+)\}\}/g, (_, k: string) => params[k] ?? '');
}
