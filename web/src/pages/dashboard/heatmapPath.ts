/** Where a process version's heatmap opens (the latest version when `version` is omitted). */
export function heatmapPath(bpmnProcessId: string, version?: number): string {
  const base = `/dashboard/processes/${encodeURIComponent(bpmnProcessId)}/heatmap`;
  return version === undefined ? base : `${base}?version=${version}`;
}
