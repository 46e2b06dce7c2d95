/**
 * Who may NOT use each route, and how they try. Read with access-matrix.test.ts.
 * `public` marks a route open to visitors by design (with the reason); its attacks, if any,
 * still must be refused or change nothing.
 */
import type { SessionUser } from "../../app/utils/session.server";
import type { ClassRow } from "../../app/models/classes.server";

export interface World {
  adminA: SessionUser;
  adminB: SessionUser;
  teacherA1: SessionUser;
  teacherA2: SessionUser;
  teacherB1: SessionUser;
  classA1: ClassRow;
  classA2: ClassRow;
  classB1: ClassRow;
  studentA1: SessionUser;
  studentA2: SessionUser;
  studentB1: SessionUser;
  /** Foreign things made by seedForeignData, by name. */
  ids: Record<string, string>;
}

export interface Attack {
  who: string;
  actor: SessionUser | null;
  method: "GET" | "POST";
  path: string;
  params: Record<string, string>;
  form?: Record<string, string>;
}

interface Entry {
  public?: string;
  attacks(w: World): Attack[];
}

const get = (who: string, actor: SessionUser | null, path: string, params: Record<string, string> = {}): Attack => ({
  who,
  actor,
  method: "GET",
  path,
  params,
});
const post = (
  who: string,
  actor: SessionUser | null,
  path: string,
  params: Record<string, string>,
  form: Record<string, string> = { intent: "x" },
): Attack => ({ who, actor, method: "POST", path, params, form });

/** The usual suspects for a class-scoped teacher page: another teacher, another school, a student, a visitor. */
function classPage(suffix: string, form?: (w: World) => Record<string, string>) {
  return (w: World): Attack[] => {
    const foreign = [
      ["teacher of another class", w.teacherA1, w.classA2],
      ["teacher of another school", w.teacherA1, w.classB1],
      ["admin of another school", w.adminB, w.classA1],
      ["student of the class", w.studentA1, w.classA1],
      ["visitor", null, w.classA1],
    ] as const;
    const attacks: Attack[] = [];
    for (const [who, actor, cls] of foreign) {
      const path = `/teach/classes/${cls.id}${suffix}`;
      attacks.push(get(who, actor, path, { classId: cls.id }));
      if (form) attacks.push(post(who, actor, path, { classId: cls.id }, form(w)));
    }
    attacks.push(get("malformed id", w.teacherA1, `/teach/classes/not-a-uuid${suffix}`, { classId: "not-a-uuid" }));
    return attacks;
  };
}

export const ATTACKS: Record<string, Entry> = {
  _index: { public: "the course overview, no personal data", attacks: () => [] },
  $: { public: "the 404 page for unknown URLs", attacks: () => [] },
  healthz: { public: "load balancer health check, no data", attacks: () => [] },
  signin: { public: "the sign-in form", attacks: () => [] },
  signup: { public: "teacher sign-up (first account, invitation or open mode)", attacks: () => [] },
  signout: { public: "ends the caller's own session only", attacks: () => [] },
  "join._index": { public: "the join-code form", attacks: () => [] },
  "join.$code": {
    public: "students join a class with its code",
    attacks: (w) => [
      post("teacher enrolling as a student", w.teacherA1, `/join/${w.classA1.joinCode}`, { code: w.classA1.joinCode }),
      post("student of another school", w.studentB1, `/join/${w.classA1.joinCode}`, { code: w.classA1.joinCode }),
      post("visitor with an unknown code", null, "/join/ZZZZZZ", { code: "ZZZZZZ" }, { displayName: "X", username: "xx", password: "kite-river-7" }),
    ],
  },
  account: {
    attacks: () => [get("visitor", null, "/account"), post("visitor", null, "/account", {}, { intent: "language", locale: "en" })],
  },
  "teach._index": {
    attacks: (w) => [
      get("student", w.studentA1, "/teach"),
      post("student", w.studentA1, "/teach", {}, { name: "Sneaky class" }),
      get("visitor", null, "/teach"),
      post("visitor", null, "/teach", {}, { name: "Sneaky class" }),
    ],
  },
  "teach.classes.$classId": { attacks: classPage("") },
  "teach.classes.$classId.settings": { attacks: classPage("/settings", () => ({ intent: "rename", name: "Mine now" })) },
  "teach.classes.$classId.roster": {
    attacks: (w) => [
      ...classPage("/roster", () => ({ intent: "add", names: "Intruder" }))(w),
      // the teacher's own class, but a student who is not in it
      ...(["reset", "remove", "delete"] as const).map((intent) =>
        post(`own class, foreign student (${intent})`, w.teacherA1, `/teach/classes/${w.classA1.id}/roster`, { classId: w.classA1.id }, {
          intent,
          studentId: w.studentA2.id,
          confirm: "yes",
        }),
      ),
      post("moving a student into another teacher's class", w.teacherA1, `/teach/classes/${w.classA1.id}/roster`, { classId: w.classA1.id }, {
        intent: "move",
        studentId: w.studentA1.id,
        toClassId: w.classA2.id,
      }),
    ],
  },
  "teach.classes.$classId.roster.$studentId.export[.json]": {
    attacks: (w) => [
      get("own class, foreign student", w.teacherA1, `/teach/classes/${w.classA1.id}/roster/${w.studentA2.id}/export.json`, {
        classId: w.classA1.id,
        studentId: w.studentA2.id,
      }),
      get("another teacher's class", w.teacherA1, `/teach/classes/${w.classA2.id}/roster/${w.studentA2.id}/export.json`, {
        classId: w.classA2.id,
        studentId: w.studentA2.id,
      }),
      get("the student themself", w.studentA1, `/teach/classes/${w.classA1.id}/roster/${w.studentA1.id}/export.json`, {
        classId: w.classA1.id,
        studentId: w.studentA1.id,
      }),
      get("visitor", null, `/teach/classes/${w.classA1.id}/roster/${w.studentA1.id}/export.json`, {
        classId: w.classA1.id,
        studentId: w.studentA1.id,
      }),
    ],
  },
};

/** Things owned by others that attacks aim at (conversations, flagged messages…). */
export async function seedForeignData(w: World): Promise<void> {
  w.ids = {};
}
