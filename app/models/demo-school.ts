/**
 * The demo school seeded by the first `npm start`. Its password is printed in the README, so
 * anyone who reads the README knows it: any account still using it signs in only from this
 * computer (decision 008). Shared by the seed and the sign-in check.
 */
export const DEMO = {
  teacherEmail: "teacher@demo.lantern",
  password: "lantern-demo",
  className: "Demo class",
  students: ["demo-student-1", "demo-student-2", "demo-student-3", "demo-student-4", "demo-student-5", "demo-student-6"],
} as const;

export function isPublishedDemoPassword(password: string): boolean {
  return password === DEMO.password;
}
