package dev.callcodes.team.feedback;

/** A reader's verdict on an answer. */
public enum Vote { HELPFUL, NOT_HELPFUL }
