import { useTranslation } from 'react-i18next';
import { ConfirmModal } from './ConfirmModal';

interface Props {
  /** What is being (de)activated; null closes the dialog. */
  target: { active: boolean } | null;
  name: string | undefined;
  /** Translation keys live under `<prefix>.deactivate.*` and `<prefix>.reactivate.*`. */
  prefix: 'members' | 'region';
  loading: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}

/** The confirmation before (de)activating a member or a bestuur. */
export function ActiveToggleModal({ target, name, prefix, loading, error, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  const step = target?.active ? 'deactivate' : 'reactivate';
  return (
    <ConfirmModal
      opened={target !== null}
      title={t(`${prefix}.${step}.title`)}
      message={t(`${prefix}.${step}.message`, { name })}
      confirmLabel={t(`${prefix}.${step}.confirm`)}
      danger={target?.active}
      loading={loading}
      error={error}
      onConfirm={onConfirm}
      onClose={onClose}
    />
  );
}
