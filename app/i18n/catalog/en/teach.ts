/** Teacher area. Class management (roster, settings) keys start with teach.; dashboard keys with teach.dash. */
export const teach = {
  "teach.title": "Your classes",
  "teach.allClasses": "← All classes",
  "teach.archived": "Archived",
  "teach.joinCode": "Join code",
  "teach.joinOff": "Joining with a code is switched off",
  "teach.classSections": "Class sections",
  "teach.tab.progress": "Progress",
  "teach.tab.quiz": "Quiz insight",
  "teach.tab.assignments": "Assignments",
  "teach.tab.playground": "Playground",
  "teach.tab.roster": "Students",
  "teach.tab.settings": "Settings",
} as const;
