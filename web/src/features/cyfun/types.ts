import type { CyfunLevel, CyfunResult, LocalText } from '@baken/contracts';

/**
 * The shapes of `packages/contracts/src/cyfun.ts` as the web app uses them (the contracts
 * export the schemas, not these types).
 */
export type Edition = '2023-03-01' | '2025';
export type Level = CyfunLevel;
export type Result = CyfunResult;
export type Failure = Result['failures'][number];
export interface NaRule {
  max: number;
  score: number;
}
export type NaRules = Record<Level, NaRule>;

export interface AssessmentSummary {
  id: string;
  edition: Edition;
  level: Level;
  title: string;
  naRules: NaRules;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  answered: number;
  requirements: number;
  total: number | null;
  passed: boolean | null;
  version: number;
}

export interface Row {
  id: string;
  title: LocalText;
  category: string;
  categoryTitle: LocalText;
  subCategory: string;
  subCategoryTitle: LocalText;
  keyMeasure: boolean;
  managementAspect: boolean;
  documentation: number | null;
  implementation: number | null;
  notApplicable: boolean;
  source: 'measures' | 'manual' | null;
}

export interface Assessment extends AssessmentSummary {
  rows: Row[];
  result: Result;
}

export type AnswerInput =
  | { id: string; documentation: number; implementation: number }
  | { id: string; notApplicable: true }
  | { id: string; clear: true };

export interface AnswersUpdate {
  version: number;
  answers: AnswerInput[];
  title?: string;
  naRules?: Partial<NaRules>;
}

export interface NewAssessment {
  edition: Edition;
  level: Level;
  title?: string;
  prefill: boolean;
}
