"""The Textual terminal app. `screens.question.QuestionnaireScreen` is the
part other Textual apps can push to ask the questions and receive an Outcome."""
