package dev.druidtasks.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code URI} or {@code String} parameter that receives the server's base URL, such as
 * {@code http://localhost:41234} (the Overlord's: the Tasks API is under {@code /druid/indexer/v1}).
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DruidTasksUrl { }
