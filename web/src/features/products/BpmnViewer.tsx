import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import { Alert } from '@mantine/core';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Shows a BPMN diagram (pan with the mouse, zoom with ctrl + wheel). Loaded lazily: bpmn-js
 * is large and only this screen needs it. The file was checked by the server; bpmn-js draws
 * it as SVG from its model, never by inserting the XML itself.
 */
export default function BpmnViewer({ xml, label }: { xml: string; label: string }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!container.current) return;
    setFailed(false);
    const viewer = new NavigatedViewer({ container: container.current });
    let live = true;
    viewer
      .importXML(xml)
      .then(() => {
        if (live) (viewer.get('canvas') as { zoom(level: 'fit-viewport'): void }).zoom('fit-viewport');
      })
      .catch(() => {
        if (live) setFailed(true);
      });
    return () => {
      live = false;
      viewer.destroy();
    };
  }, [xml]);

  return (
    <figure aria-label={label} style={{ margin: 0 }}>
      {failed && (
        <Alert color="red" role="alert" mb="sm">
          {t('products.diagram.renderFailed')}
        </Alert>
      )}
      <div
        ref={container}
        data-testid="bpmn-canvas"
        style={{ height: 420, border: '1px solid var(--mantine-color-gray-5)', borderRadius: 4 }}
      />
    </figure>
  );
}
