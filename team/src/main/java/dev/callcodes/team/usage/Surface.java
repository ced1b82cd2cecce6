package dev.callcodes.team.usage;

/** Where a pair was asked about. Card buttons count as chat. */
public enum Surface { CHAT, EXTENSION, ACTION, UPLOAD }
