// AnswerCheck
