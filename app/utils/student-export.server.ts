/** A student's data as a JSON download (teacher's and admin's export share the file's shape). */
export function studentExportResponse(exported: { student: { username: string } }): Response {
  const name = exported.student.username.replace(/[^a-z0-9._-]/gi, "_");
  return new Response(JSON.stringify(exported, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="lantern-${name}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
