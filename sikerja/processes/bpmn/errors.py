"""The one error the BPMN helpers raise: a list of messages for the user, in Bahasa Indonesia."""


class BpmnError(ValueError):
    """Refused input. ``messages`` are shown to the user as they are (one per problem)."""

    def __init__(self, messages):
        if isinstance(messages, str):
            messages = [messages]
        self.messages = list(messages) or ["Berkas BPMN tidak dapat dibaca."]
        super().__init__("; ".join(self.messages))
