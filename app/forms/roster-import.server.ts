/**
 * The roster import's form handling, the same for a teacher's class and the admin's whole school:
 * intent "preview" reads the upload and shows the plan (nothing written), intent "confirm" applies
 * the sealed preview. The page gets catalog keys and values; it says them in the user's language.
 */
import { RosterImportSchema } from "~/forms/teach.server";
import type { SessionUser } from "~/utils/auth.server";
import { formObject, readForm, validate, type FieldErrors } from "~/utils/forms.server";
import { readRoster, type RosterNote, type RosterProblem, type UploadedFile } from "~/models/roster-input.server";
import { applyRoster, openPreview, planRoster, sealPreview, type ImportScope, type RosterPlan, type StudentAction } from "~/models/roster-import.server";
import { printableCards, type PrintableCard } from "~/models/sign-in-cards.server";

/** The preview lists this many students; the counts cover all of them. */
const ROWS_SHOWN = 1_000;

export interface PreviewRow {
  file: string;
  line: number;
  action: StudentAction;
  displayName: string;
  previousName: string | null;
  username: string;
  classes: string[];
  leaves: string[];
}

export type RosterImportView =
  | { stage: "form"; errors: FieldErrors }
  | {
      stage: "preview";
      token: string;
      /** The confirm found the class changed since the preview: this is the new preview. */
      changed: boolean;
      counts: Record<StudentAction, number>;
      newClasses: { title: string; teacherName: string }[];
      problems: RosterProblem[];
      /** How the upload was read: columns not read (never stored), a class column read for information only. */
      notes: RosterNote[];
      rows: PreviewRow[];
      hiddenRows: number;
    }
  | { stage: "done"; counts: Record<StudentAction, number>; newClasses: number; cards: PrintableCard[] };

export async function rosterImportAction(request: Request, actor: SessionUser, scope: ImportScope): Promise<{ view: RosterImportView; status: number }> {
  const form = await readForm(request);
  const parsed = validate(RosterImportSchema, formObject(form));
  if (!parsed.ok) return { view: { stage: "form", errors: parsed.errors }, status: 400 };
  if (parsed.data.intent === "preview") {
    const files: UploadedFile[] = [];
    for (const value of form.getAll("files")) {
      if (typeof value === "string" || value.size === 0) continue;
      files.push({ name: value.name.slice(0, 200), bytes: new Uint8Array(await value.arrayBuffer()) });
    }
    // Nothing chosen and nothing pasted: the message goes by the paste box, not into a preview of
    // four zeros and a "row that will not be imported" (found walking the import as a teacher new to it).
    if (files.length === 0 && parsed.data.pasted.trim() === "") {
      return { view: { stage: "form", errors: { pasted: "teach.import.problem.nothing" } }, status: 400 };
    }
    const input = readRoster(files, parsed.data.pasted);
    const plan = await planRoster(actor, scope, input);
    return { view: previewView(plan, sealPreview(actor, scope, input, plan.fingerprint), false), status: 200 };
  }
  const preview = openPreview(actor, scope, parsed.data.token);
  if (!preview) return { view: { stage: "form", errors: { token: "teach.import.expired" } }, status: 400 };
  const applied = await applyRoster(actor, scope, preview.input, preview.fingerprint);
  if (!applied.ok) {
    return { view: previewView(applied.plan, sealPreview(actor, scope, preview.input, applied.plan.fingerprint), true), status: 409 };
  }
  return { view: { stage: "done", counts: applied.counts, newClasses: applied.newClasses, cards: await printableCards(actor, applied.cards) }, status: 200 };
}

function previewView(plan: RosterPlan, token: string, changed: boolean): RosterImportView {
  const titleOf = new Map(plan.classes.map((c) => [c.key, c.title]));
  const rows = plan.students.slice(0, ROWS_SHOWN).map((s) => ({
    file: s.file,
    line: s.line,
    action: s.action,
    displayName: s.displayName,
    previousName: s.previousName,
    username: s.username,
    classes: s.joins.map((k) => titleOf.get(k) ?? k),
    leaves: s.leaves.map((k) => titleOf.get(k) ?? k),
  }));
  return {
    stage: "preview",
    token,
    changed,
    counts: plan.counts,
    newClasses: plan.classes.filter((c) => !c.classId).map((c) => ({ title: c.title, teacherName: c.teacherName })),
    problems: plan.problems,
    notes: plan.notes,
    rows,
    hiddenRows: plan.students.length - rows.length,
  };
}
