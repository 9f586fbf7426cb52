package dev.druidtasks.server.auth;

/** What a permission lets its holder do with the resource. */
public enum Action { READ, WRITE }
