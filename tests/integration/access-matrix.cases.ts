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
  /** In classA1 (teacherA1) and classA2 (teacherA2): one student, two teachers (decision 008). */
  studentShared: SessionUser;
  /** Foreign things made by seedForeignData, by name. */
  ids: Record<string, string>;
}

export interface Attack {
  /** false: a self-scoped route a visitor may call — it must only change nothing and not fail. */
  denied?: boolean;
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

const visitorPost = (path: string, params: Record<string, string>, form: Record<string, string>): Attack => ({
  ...post("visitor (nothing may be saved)", null, path, params, form),
  denied: false,
});

/** Teacher material that is the same for every school (guides): students and visitors may not see it. */
function staffOnly(path: string, params: Record<string, string> = {}) {
  return (w: World): Attack[] => [get("student", w.studentA1, path, params), get("visitor", null, path, params)];
}

/** Admin pages: teachers, students and visitors may not see them. */
function adminPage(path: string, params: (w: World) => Record<string, string> = () => ({}), form?: Record<string, string>) {
  return (w: World): Attack[] =>
    (
      [
        ["teacher", w.teacherA1],
        ["student", w.studentA1],
        ["visitor", null],
      ] as const
    ).flatMap(([who, actor]) => [get(who, actor, path, params(w)), ...(form ? [post(who, actor, path, params(w), form)] : [])]);
}

export const ATTACKS: Record<string, Entry> = {
  _index: { public: "the course overview, no personal data", attacks: () => [] },
  $: { public: "the 404 page for unknown URLs", attacks: () => [] },
  healthz: { public: "load balancer health check, no data", attacks: () => [] },
  "i18n.$file": { public: "interface catalogs, the same for everyone; staff wording is no secret", attacks: () => [] },
  "lesson-content.$file": { public: "a lesson's text, the same for every reader (visitors may read every lesson); nothing about the reader", attacks: () => [] },
  "bench.empty": { public: "an empty page for the benchmark, a 404 unless the server runs with LANTERN_BENCH=1; no data", attacks: () => [] },
  signin: { public: "the sign-in form", attacks: () => [] },
  signup: { public: "teacher sign-up (first account, invitation or open mode)", attacks: () => [] },
  signout: { public: "ends the caller's own session only; its page only offers the provider's logout", attacks: () => [] },
  "auth.oidc.start": { public: "sends a visitor to the school's provider (nothing but a one-use login row is written)", attacks: () => [] },
  "auth.oidc.callback": {
    public: "the provider's redirect back; refused unless its state matches this browser's cookie and an unused login",
    attacks: (w) => [
      get("visitor with a made-up state and code", null, "/auth/oidc/callback?state=forged&code=forged"),
      { ...get("student with a made-up state and code", w.studentA1, "/auth/oidc/callback?state=forged&code=forged"), denied: false },
    ],
  },
  "auth.oidc.link": {
    public: "confirms a pending link held in a sealed, short-lived cookie; without one it sends to sign-in",
    attacks: () => [
      get("visitor without a pending link", null, "/auth/oidc/link"),
      post("visitor without a pending link", null, "/auth/oidc/link", {}, { password: "correct-horse-battery" }),
    ],
  },
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
  "account.export[.json]": {
    // a student's own data only; staff have no such download (theirs is a teacher's export)
    attacks: (w) => [get("visitor", null, "/account/export.json"), get("teacher", w.teacherA1, "/account/export.json"), get("admin", w.adminA, "/account/export.json")],
  },
  "teach._index": {
    attacks: (w) => [
      get("student", w.studentA1, "/teach"),
      post("student", w.studentA1, "/teach", {}, { name: "Sneaky class" }),
      get("visitor", null, "/teach"),
      post("visitor", null, "/teach", {}, { name: "Sneaky class" }),
    ],
  },
  // Teacher's guides hold answer keys: teachers and admins only.
  "teach.guide._index": { attacks: staffOnly("/teach/guide") },
  // The help page: teachers and admins (students have their own words on their own pages).
  help: { attacks: staffOnly("/help") },
  "teach.guide.$lesson._index": {
    attacks: (w) => [
      ...staffOnly("/teach/guide/tokens", { lesson: "tokens" })(w),
      get("teacher, unknown lesson", w.teacherA1, "/teach/guide/no-such-lesson", { lesson: "no-such-lesson" }),
    ],
  },
  "teach.guide.$lesson.handout": {
    attacks: (w) => [
      ...staffOnly("/teach/guide/tokens/handout", { lesson: "tokens" })(w),
      get("teacher, unknown lesson", w.teacherA1, "/teach/guide/no-such-lesson/handout", { lesson: "no-such-lesson" }),
    ],
  },
  "teach.frameworks": { attacks: staffOnly("/teach/frameworks") },
  "teach.roster-template[.csv]": { attacks: staffOnly("/teach/roster-template.csv") },
  "teach.scoring": { attacks: staffOnly("/teach/scoring") },
  "teach.classes.$classId": { attacks: classPage("") },
  "teach.classes.$classId_.display": { attacks: classPage("/display") },
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
      // a student teacher A1 shares with teacher A2: the account as a whole needs the admin
      ...(["reset", "delete"] as const).map((intent) =>
        post(`own class, student shared with another teacher (${intent})`, w.teacherA1, `/teach/classes/${w.classA1.id}/roster`, { classId: w.classA1.id }, {
          intent,
          studentId: w.studentShared.id,
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
  "teach.classes.$classId.import": {
    attacks: (w) => [
      ...classPage("/import", () => ({ intent: "preview", pasted: "Intruder" }))(w),
      ...classPage("/import", () => ({ intent: "confirm", token: "v1:forged" }))(w),
      // the teacher's own class with a preview nobody sealed: refused as expired, nothing written
      { ...post("own class, forged preview", w.teacherA1, `/teach/classes/${w.classA1.id}/import`, { classId: w.classA1.id }, { intent: "confirm", token: "v1:forged" }), denied: false },
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
      get("shared student, through the other teacher's class", w.teacherA1, `/teach/classes/${w.classA2.id}/roster/${w.studentShared.id}/export.json`, {
        classId: w.classA2.id,
        studentId: w.studentShared.id,
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
  admin: { attacks: adminPage("/admin") },
  "admin._index": {
    attacks: (w) => [
      ...adminPage("/admin", () => ({}), { intent: "delete", studentId: w.studentShared.id, confirm: "yes" })(w),
      ...adminPage("/admin", () => ({}), { intent: "reset", studentId: w.studentShared.id })(w),
      post("admin, another school's student (delete)", w.adminB, "/admin", {}, { intent: "delete", studentId: w.studentA1.id, confirm: "yes" }),
      post("admin, another school's student (reset)", w.adminB, "/admin", {}, { intent: "reset", studentId: w.studentA1.id }),
    ],
  },
  "admin.teachers": {
    attacks: (w) => [
      ...adminPage("/admin/teachers", () => ({}), { intent: "invite", note: "x" })(w),
      post("admin of another school revoking an invitation", w.adminA, "/admin/teachers", {}, { intent: "revoke", invitationId: w.ids.invitationB! }),
      post("admin of another school giving a teacher a new password", w.adminB, "/admin/teachers", {}, { intent: "reset", teacherId: w.teacherA1.id }),
      post("teacher giving another teacher a new password", w.teacherA1, "/admin/teachers", {}, { intent: "reset", teacherId: w.teacherA2.id }),
      post("admin giving a student a staff password", w.adminA, "/admin/teachers", {}, { intent: "reset", teacherId: w.studentA1.id }),
    ],
  },
  "admin.models": { attacks: adminPage("/admin/models", () => ({}), { intent: "save", name: "Lab", kind: "local", baseUrl: "http://127.0.0.1:9" }) },
  "admin.models.approved[.csv]": { attacks: adminPage("/admin/models/approved.csv", () => ({})) },
  "admin.signin": {
    attacks: adminPage("/admin/signin", () => ({}), {
      preset: "generic",
      enabled: "yes",
      issuer: "https://127.0.0.1:1",
      clientId: "x",
      clientSecret: "x",
      allowedDomains: "school.test",
      roleKind: "domain",
      teacherDomains: "school.test",
    }),
  },
  "admin.import": { attacks: adminPage("/admin/import", () => ({}), { intent: "preview", pasted: "name,class\nIntruder,Sneaky class" }) },
  "admin.settings": { attacks: adminPage("/admin/settings", () => ({}), { transcriptRetentionDays: "1" }) },
  "admin.classes.$classId": {
    attacks: (w) => [
      ...adminPage(`/admin/classes/${w.classA1.id}`, () => ({ classId: w.classA1.id }), { intent: "reset", studentId: w.studentShared.id })(w),
      ...adminPage(`/admin/classes/${w.classA1.id}`, () => ({ classId: w.classA1.id }), { intent: "delete", studentId: w.studentShared.id, confirm: "yes" })(w),
      get("admin of another school", w.adminB, `/admin/classes/${w.classA1.id}`, { classId: w.classA1.id }),
      post("admin of another school", w.adminB, `/admin/classes/${w.classA1.id}`, { classId: w.classA1.id }, { intent: "reset", studentId: w.studentShared.id }),
      // their own class's page, a student of another school
      post("admin, another school's student (reset)", w.adminB, `/admin/classes/${w.classB1.id}`, { classId: w.classB1.id }, { intent: "reset", studentId: w.studentA1.id }),
      post("admin, another school's student (delete)", w.adminB, `/admin/classes/${w.classB1.id}`, { classId: w.classB1.id }, {
        intent: "delete",
        studentId: w.studentA1.id,
        confirm: "yes",
      }),
    ],
  },
  "admin.safeguarding.$messageId": {
    attacks: (w) => [
      // school A's alert: its teachers (even the class's), students and visitors get nothing; nor does school B's admin
      ...adminPage(`/admin/safeguarding/${w.ids.safeguardingA2!}`, () => ({ messageId: w.ids.safeguardingA2! }))(w),
      get("the class's own teacher", w.teacherA2, `/admin/safeguarding/${w.ids.safeguardingA2!}`, { messageId: w.ids.safeguardingA2! }),
      get("admin of another school", w.adminB, `/admin/safeguarding/${w.ids.safeguardingA2!}`, { messageId: w.ids.safeguardingA2! }),
    ],
  },
  "admin.students.$studentId.export[.json]": {
    attacks: (w) => [
      ...adminPage(`/admin/students/${w.studentShared.id}/export.json`, () => ({ studentId: w.studentShared.id }))(w),
      get("a teacher of the student", w.teacherA2, `/admin/students/${w.studentShared.id}/export.json`, { studentId: w.studentShared.id }),
      get("admin of another school", w.adminB, `/admin/students/${w.studentShared.id}/export.json`, { studentId: w.studentShared.id }),
      get("malformed id", w.adminA, "/admin/students/not-a-uuid/export.json", { studentId: "not-a-uuid" }),
    ],
  },
  "learn._index": { public: "the course for visitors; a student sees only their own progress", attacks: () => [] },
  "learn.$lesson": {
    public: "visitors read every lesson; nothing is saved for them",
    attacks: (w) => [
      visitorPost("/learn/tokens", { lesson: "tokens" }, { intent: "next", step: "pieces", seconds: "30" }),
      visitorPost("/learn/tokens", { lesson: "tokens" }, { intent: "quiz", attempt: "1", seconds: "30" }),
      get("unknown lesson", w.studentA1, "/learn/no-such-lesson", { lesson: "no-such-lesson" }),
    ],
  },
  "learn.$lesson.time": {
    attacks: () => [post("visitor", null, "/learn/tokens/time", { lesson: "tokens" }, { step: "pieces", seconds: "30" })],
  },
  playground: {
    attacks: (w) => [
      get("another student's conversation", w.studentA1, `/playground?c=${w.ids.conversationA2}`),
      get("a teacher opening a student's conversation here", w.teacherA1, `/playground?c=${w.ids.conversationA2}`),
      get("visitor", null, "/playground"),
      post("visitor", null, "/playground", {}, { prompt: "hello", model: "mini" }),
      post("another student's conversation", w.studentA1, "/playground", {}, { conversationId: w.ids.conversationA2!, prompt: "hello", model: "mini" }),
    ],
  },
  "api.playground.stream": {
    attacks: (w) => [
      post("visitor", null, "/api/playground/stream", {}, { prompt: "hello", model: "mini" }),
      post("another student's conversation", w.studentA1, "/api/playground/stream", {}, {
        conversationId: w.ids.conversationA2!,
        prompt: "hello",
        model: "mini",
      }),
    ],
  },
  "api.tokenize": { public: "the tokenizer widget works for visitors; stateless", attacks: () => [] },
  "api.next-token": { public: "the next-token widget works for visitors; stateless", attacks: () => [] },
  "api.preferences": {
    public: "the preference lab: visitors compare with the AI judge only, nothing saved",
    attacks: () => [visitorPost("/api/preferences", {}, { lesson: "learning-from-feedback", pair: "pair-1", choice: "a" })],
  },
  "teach.classes.$classId._index": { attacks: classPage("") },
  "teach.classes.$classId.quiz": { attacks: classPage("/quiz") },
  "teach.classes.$classId.report": { attacks: classPage("/report") },
  "teach.classes.$classId.assignments": {
    attacks: (w) => [
      ...classPage("/assignments", () => ({ intent: "assign", lesson: "tokens" }))(w),
      post("own class, another class's assignment", w.teacherA1, `/teach/classes/${w.classA1.id}/assignments`, { classId: w.classA1.id }, {
        intent: "delete",
        assignmentId: w.ids.assignmentA2!,
      }),
    ],
  },
  "teach.classes.$classId.playground": {
    attacks: (w) => classPage("/playground", () => ({ enabled: "on", messagesPerMinute: "60" }))(w),
  },
  "teach.classes.$classId.flags": {
    attacks: (w) => [
      ...classPage("/flags", () => ({ messageId: w.ids.flaggedA2!, decision: "dismissed" }))(w),
      post("own class, another class's flagged message", w.teacherA1, `/teach/classes/${w.classA1.id}/flags`, { classId: w.classA1.id }, {
        messageId: w.ids.flaggedA2!,
        decision: "dismissed",
      }),
    ],
  },
  "teach.safeguarding": {
    attacks: (w) => {
      const form = { messageId: w.ids.safeguardingA2!, note: "handled", back: "/teach" };
      return [
        post("teacher of another class", w.teacherA1, "/teach/safeguarding", {}, form),
        post("admin of another school", w.adminB, "/teach/safeguarding", {}, form),
        post("teacher of another school", w.teacherB1, "/teach/safeguarding", {}, form),
        post("student of the class", w.studentA2, "/teach/safeguarding", {}, form),
        post("visitor", null, "/teach/safeguarding", {}, form),
        get("visitor", null, "/teach/safeguarding"),
      ];
    },
  },
  "teach.classes.$classId.students.$studentId": {
    attacks: (w) => [
      ...classPage(`/students/${w.studentA2.id}`)(w).map((a) => ({ ...a, params: { ...a.params, studentId: w.studentA2.id } })),
      get("own class, foreign student", w.teacherA1, `/teach/classes/${w.classA1.id}/students/${w.studentA2.id}`, {
        classId: w.classA1.id,
        studentId: w.studentA2.id,
      }),
    ],
  },
  "teach.classes.$classId.export.gradebook[.csv]": { attacks: classPage("/export/gradebook.csv") },
  "teach.classes.$classId.export.responses[.csv]": { attacks: classPage("/export/responses.csv") },
  "teach.classes.$classId.export.class[.json]": { attacks: classPage("/export/class.json") },
};

/** Things owned by others that attacks aim at (conversations, flagged messages…). */
export async function seedForeignData(w: World): Promise<void> {
  const { db } = await import("../../app/utils/db.server");
  const { assignments, playgroundConversations, playgroundMessages } = await import("../../db/schema");
  const { createInvitation } = await import("../../app/models/invitations.server");
  const [conversation] = await db()
    .insert(playgroundConversations)
    .values({ userId: w.studentA2.id, classId: w.classA2.id, title: "Secret chat", model: "mini" })
    .returning();
  const [flagged] = await db()
    .insert(playgroundMessages)
    .values({
      conversationId: conversation!.id,
      userId: w.studentA2.id,
      role: "assistant",
      text: "a flagged reply",
      status: "complete",
      flags: ["violence"],
      flagStatus: "open",
    })
    .returning();
  const [safeguarding] = await db()
    .insert(playgroundMessages)
    .values({
      conversationId: conversation!.id,
      userId: w.studentA2.id,
      role: "user",
      text: "a crisis message",
      status: "complete",
      flags: ["crisis_suicide"],
      flagStatus: "open",
      severity: "safeguarding",
    })
    .returning();
  const [assignment] = await db().insert(assignments).values({ classId: w.classA2.id, lessonSlug: "tokens" }).returning();
  await createInvitation(w.adminB, "school B's invitation");
  const { invitations } = await import("../../db/schema");
  const [invitation] = await db().select().from(invitations);
  w.ids = {
    conversationA2: conversation!.id,
    flaggedA2: flagged!.id,
    safeguardingA2: safeguarding!.id,
    assignmentA2: assignment!.id,
    invitationB: invitation!.id,
  };
}
