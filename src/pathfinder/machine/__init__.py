"""The questionnaire and its advice: content as data, the state machine, the
session, the guidance engine and the renderers. Knows nothing about terminals,
HTTP or Twilio."""
