/**
 * "Export PowerShell": what the script cannot do on its own (virtual machines it will not create,
 * parts of the design with no cmdlet) listed before the download, then the script itself.
 */
import { Modal } from './Modal';
import { useEffect, useRef } from 'react';
import type { PowerShellExport } from '../design/powershellExport';
import { powerShellFileText } from '../design/powershellExport';
import { downloadText } from './download';

export function ExportDialog({
  result,
  fileName,
  onClose,
}: {
  result: PowerShellExport;
  fileName: string;
  onClose: () => void;
}) {
  const download = useRef<HTMLButtonElement>(null);
  useEffect(() => download.current?.focus(), []);
  const params = (result.script.match(/^ {4}\[Parameter\(Mandatory\)\]/gm) ?? []).length;
  // Sites are fault domains, which exist from Windows Server 2016 on (the script checks it).
  const needs2016 = result.script.includes('New-ClusterFaultDomain');
  return (
    <Modal titleId="d-export-title" title="Export as a PowerShell script" onClose={onClose}>
      <p>
        Run <code>{fileName}</code> elevated on a node of the target cluster, in Windows PowerShell 5.1
        (powershell.exe). It works on Windows Server {needs2016 ? '2016' : '2012'} and later
        {needs2016 ? ' (the design has sites)' : ''}, stops at the first error and is safe to run again.
        {params > 0 &&
          ` It asks for ${params} value${params === 1 ? '' : 's'} the design does not hold (disks, addresses, host names, …).`}
      </p>
      {result.notes.length > 0 && (
        <>
          <h3>Before you run it</h3>
          <ul className="d-issues" aria-label="Export notes">
            {result.notes.map((n, i) => (
              <li key={i} className="is-warning">
                {n}
              </li>
            ))}
          </ul>
        </>
      )}
      <textarea className="d-code" readOnly value={result.script} rows={14} aria-label="PowerShell script" />
      <div className="d-row">
        <button
          ref={download}
          type="button"
          className="primary"
          onClick={() => downloadText(fileName, powerShellFileText(result.script), 'text/plain;charset=utf-8')}
        >
          Download {fileName}
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
