"""Choice's own validation."""

from tests.kinds.files import problems_for


def test_a_choice_where_ticking_everything_pays_is_an_error(workspace):
    choice = """\
    schema_version: 1
    id: quiz
    type: choice
    skill: verification
    title: Quiz
    prompt: Which of these are true?
    hints: []
    multiple: true
    options:
      - {id: a, text: A, correct: true, feedback: Right because of A.}
      - {id: b, text: B, correct: true, feedback: Right because of B.}
      - {id: c, text: C, correct: false, feedback: Wrong because of C.}
    """
    (error,) = problems_for(workspace, choice, "quiz.yaml").errors
    assert "ticking everything" in error.message
