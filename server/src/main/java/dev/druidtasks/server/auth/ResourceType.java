package dev.druidtasks.server.auth;

/** What a permission is about, by Druid's names. */
public enum ResourceType { DATASOURCE, VIEW, CONFIG, STATE, SYSTEM_TABLE, QUERY_CONTEXT, EXTERNAL }
