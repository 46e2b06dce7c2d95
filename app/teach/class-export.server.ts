/**
 * The whole class as JSON: progress as on the page, every answer (with the choices' texts) and
 * the assignments — the same views the pages are built from.
 */
import { getCourse } from "~/course/course.server";
import { listClassAssignments } from "~/models/assignments.server";
import type { SessionUser } from "~/utils/auth.server";
import { questionIndex, type ResponseRow } from "./answer-views.server";
import { getClassProgress } from "./class-page.server";
import { getClassResponses } from "./quiz-insight.server";
import type { ViewContext } from "./view-context.server";

function choiceTexts(
  answer: Pick<ResponseRow, "lesson" | "questionId" | "choices">,
  index: ReturnType<typeof questionIndex>,
  locale: ViewContext["locale"],
): string[] {
  const choices = index.get(`${answer.lesson}/${answer.questionId}`)?.question.content[locale].choices ?? [];
  return answer.choices.map((id) => choices.find((c) => c.id === id)?.text ?? id);
}

/** The whole class as JSON: progress as on the page, every answer, and the assignments. */
export async function classJson(teacher: SessionUser, classId: string, ctx: ViewContext) {
  const view = await getClassProgress(teacher, classId, { sort: "name", show: "all", q: "", lessons: "all" }, ctx);
  const [answers, assignments] = await Promise.all([getClassResponses(classId), listClassAssignments(teacher, classId, ctx)]);
  const index = questionIndex();
  return {
    className: view.className,
    body: {
      format: "lantern-class-export",
      version: 1,
      exportedAt: view.generatedAt,
      class: { id: view.classId, name: view.className },
      course: getCourse().lessons.map((l) => ({ slug: l.slug, number: l.number, title: l.content[ctx.locale].title, steps: l.content[ctx.locale].steps.length, quizQuestions: l.quiz.length })),
      students: view.students.map((s) => ({
        id: s.id,
        displayName: s.displayName,
        username: s.username,
        lastSeenAt: s.lastSeenAt,
        needsHelp: s.signals.map((x) => x.label),
        lessons: s.cells.map((c) => ({
          lesson: c.lesson,
          status: c.state,
          step: c.step,
          steps: c.steps,
          quizScore: c.score,
          quizQuestions: c.questions,
          atQuiz: c.atQuiz,
          activeSeconds: c.activeSeconds,
          completedAt: c.completedAt,
          overdue: c.overdue,
        })),
      })),
      answers: answers.map((a) => ({
        studentId: a.studentId,
        lesson: a.lesson,
        questionId: a.questionId,
        kind: a.kind,
        attempt: a.attempt,
        choices: a.choices,
        // Choice ids are stable but meaningless to a reader, and positions differ per learner.
        choiceTexts: choiceTexts(a, index, ctx.locale),
        textAnswer: a.textAnswer,
        notSure: a.notSure,
        confidence: a.confidence,
        correct: a.correct,
        answeredAt: a.createdAt,
      })),
      assignments: assignments.map((a) => ({
        lesson: a.lesson,
        dueAt: a.dueAt,
        wholeClass: a.wholeClass,
        students: a.targetNames,
        assigned: a.assigned,
        completed: a.completed,
        overdue: a.overdue,
      })),
    },
  };
}
