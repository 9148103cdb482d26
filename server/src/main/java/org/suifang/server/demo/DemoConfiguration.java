package org.suifang.server.demo;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * Demo-data settings ({@code suifang.demo.*}); application-demo.yml switches the demo on.
 *
 * @param enabled seed the demo data at startup (once) and print the demo logins
 * @param password the password of every demo user (at least 8 characters)
 * @param seed the seed of the generator: the same seed and the same day give the same data
 * @param patientsPerVillage patients generated in each of the six villages
 */
@ConfigurationProperties("suifang.demo")
record DemoConfiguration(
    @Bindable(defaultValue = "false") boolean enabled,
    @Bindable(defaultValue = "demo1234") @NotBlank String password,
    @Bindable(defaultValue = "20170417") long seed,
    @Bindable(defaultValue = "50") @Min(10) @Max(1000) int patientsPerVillage) {}
