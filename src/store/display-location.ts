/**
 * A corpus location as messages may show it: a SQLite path as it is, a PostgreSQL URL with any
 * password (in the URL or a `password=` parameter) replaced by `***`.
 */
export function displayLocation(location: string): string {
  if (!/^postgres(ql)?:\/\//i.test(location)) return location;
  try {
    const url = new URL(location);
    if (url.password) url.password = '***';
    for (const k of [...url.searchParams.keys()]) if (/pass/i.test(k)) url.searchParams.set(k, '***');
    return url.toString();
  } catch {
    return location.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@').replace(/(pass\w*=)[^&]*/gi, '$1***');
  }
}
