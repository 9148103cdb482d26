package org.suifang.server.common;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One problem with one input field.
 *
 * @param field the JSON path of the field, e.g. {@code bloodPressure.systolic}
 * @param code a stable code, e.g. {@code REQUIRED}, {@code OUT_OF_RANGE}, {@code ID_CHECK_DIGIT}
 * @param messageZh the message in Chinese
 * @param messageEn the message in English
 */
@Serdeable
public record FieldError(String field, String code, String messageZh, String messageEn) {}
