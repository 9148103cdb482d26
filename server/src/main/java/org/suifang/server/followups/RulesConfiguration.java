package org.suifang.server.followups;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;

/**
 * Which clinical rules the server assesses visits with ({@code suifang.rules.*}).
 *
 * @param ruleSetId a built-in rule set of the rule library ({@code RuleSets.byId}); default
 *     {@code bphs-2017}
 * @param elderlySplit whether patients aged 65 and over are controlled below 150/90 instead of
 *     140/90 (the 3rd-edition age split, a province setting); default true
 */
@ConfigurationProperties("suifang.rules")
public record RulesConfiguration(
    @Bindable(defaultValue = "bphs-2017") @NotBlank String ruleSetId,
    @Bindable(defaultValue = "true") boolean elderlySplit) {}
