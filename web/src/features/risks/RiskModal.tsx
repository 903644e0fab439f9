import type { Risk, RiskMatrix } from '@baken/contracts';
import type { Quality } from './values';
import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RiskForm } from './RiskForm';

/** A new risk, optionally taken over from a proposal; or an existing one to change. */
export type RiskTarget =
  | { kind: 'new'; title?: string; processId?: string; impact?: number; qualities?: Quality[] }
  | Risk;

export const isNewRisk = (t: RiskTarget): t is Extract<RiskTarget, { kind: 'new' }> => !('id' in t);

interface Props {
  bestuurId: string;
  matrix: RiskMatrix | undefined;
  target: RiskTarget | null;
  onClose: () => void;
}

export function RiskModal({ bestuurId, matrix, target, onClose }: Props) {
  const { t } = useTranslation();
  const title = !target ? '' : isNewRisk(target) ? t('risks.form.createTitle') : t('risks.form.editTitle');
  return (
    <Modal opened={target !== null} onClose={onClose} title={title} size="xl">
      {target && matrix && (
        <RiskForm
          key={isNewRisk(target) ? `new-${target.title ?? ''}-${target.processId ?? ''}` : target.id}
          bestuurId={bestuurId}
          matrix={matrix}
          target={target}
          onDone={onClose}
        />
      )}
    </Modal>
  );
}
