package org.relocation.vendor;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

interface VendorRepository extends JpaRepository<Vendor, Long> {

    @Query("select v from Vendor v where v.code = ?1")
    Optional<Vendor> findByCode(String code);

    @Query("select v from Vendor v where v.nameKey = ?1")
    Optional<Vendor> findByNameKey(String nameKey);

    /** The active vendors of a category in a country, in the order of registration. */
    @Query("select v from Vendor v where v.category = ?1 and v.country = ?2 and v.active = true order by v.id")
    List<Vendor> findActive(String category, String country);
}
